#!/bin/sh
# Run by drive_app.py while the window is open on DB: another program uses the same file (the
# command line's `stats`), then the window must still hold its SQLite locks on the database
# (/proc/locks: a lock of the window's process on the file's inode) and the write-ahead log the
# window writes into must still be there (the last connection to close deletes it).
# Usage: locks_kept.sh CLI DB
set -eu
cli=$1
db=$2
"$cli" --db "$db" stats > /dev/null
pid=$(pgrep -f -- "--db $db --view" | head -n 1)
inode=$(stat -c %i "$db")
if ! grep -Eq "^[0-9]+: POSIX +ADVISORY +(READ|WRITE) +$pid [0-9a-f]+:[0-9a-f]+:$inode " /proc/locks; then
    echo "locks_kept: the window (pid $pid) holds no lock on $db (inode $inode):" >&2
    cat /proc/locks >&2
    exit 1
fi
for f in "$db-wal" "$db-shm"; do
    [ -e "$f" ] || { echo "locks_kept: $f was removed under the window" >&2; exit 1; }
done
