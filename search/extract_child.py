"""`python -m search.extract_child <file name> <limits JSON>`: the file's bytes on stdin, a JSON
answer on stdout, ASCII-escaped whatever the locale ({"text": …} or {"refused": {"code": …,
"detail": …}}). Started by `search.isolation`; puts itself under the memory ceiling before it
reads anything; imports no Django."""

import json
import resource
import sys

from search.limits import ExtractionLimits, Refused
from search.readers import extract


def main():
    file_name, limits_json = sys.argv[1], sys.argv[2]
    limits = ExtractionLimits.from_json(json.loads(limits_json))
    ceiling = limits.child_memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    data = sys.stdin.buffer.read(limits.file_bytes + 1)
    try:
        answer = {"text": extract(file_name, data, limits)}
    except Refused as refused:
        answer = {"refused": {"code": refused.code, "detail": refused.detail[:200]}}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
