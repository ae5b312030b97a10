export { WhatsAppCloudApi } from './credentials/WhatsAppCloudApi.credentials';
export { WhatsAppCloud } from './nodes/WhatsAppCloud/WhatsAppCloud.node';
export { WhatsAppCloudTrigger } from './nodes/WhatsAppCloudTrigger/WhatsAppCloudTrigger.node';
