#!/usr/bin/env bash
# Starts a throwaway PostgreSQL and Redis on loopback for the queue-mode e2e test (installing them from
# Debian's packages when missing), and prints their ports. `queue-services.sh stop <dir>` stops them.
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
	dir="$2"
	[ -f "$dir/redis.port" ] && redis-cli -p "$(cat "$dir/redis.port")" shutdown nosave >/dev/null 2>&1 || true
	[ -d "$dir/pg" ] && su postgres -s /bin/sh -c "$(ls -d /usr/lib/postgresql/*/bin | tail -1)/pg_ctl -D $dir/pg -m immediate stop" >/dev/null 2>&1 || true
	rm -rf "$dir"
	exit 0
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1 || true)
if [ -z "$pg_bin" ] || ! command -v redis-server >/dev/null; then
	echo "[queue-services] installing postgresql and redis-server from Debian's packages" >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >&2
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
fi

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

dir=$(mktemp -d /tmp/wa-queue-XXXXXX)
chmod 755 "$dir"
pg_port=$(free_port)
redis_port=$(free_port)

install -d -o postgres -g postgres "$dir/pg"
su postgres -s /bin/sh -c "$pg_bin/initdb -D $dir/pg -A trust -U postgres" >/dev/null
su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $dir/pg -l $dir/pg/server.log -w -o \"-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1\" start" >/dev/null
su postgres -s /bin/sh -c "$pg_bin/createdb -h 127.0.0.1 -p $pg_port -U postgres n8n"

redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no --dir "$dir" >/dev/null
echo "$redis_port" > "$dir/redis.port"

echo "QUEUE_DIR=$dir"
echo "PG_PORT=$pg_port"
echo "REDIS_PORT=$redis_port"
