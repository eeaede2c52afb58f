"""gunicorn's settings for the web nodes: `gunicorn -c deploy/gunicorn.conf.py --preload
gongkai.wsgi` (deploy/Dockerfile, deploy/compose.yaml, docs/deploy.md).

With --preload the master imports the application before it forks its workers, so the workers
share the imported code; this hook also has the master load what a search loads on first use
(jieba's dictionary), which each worker would otherwise load on its own after the fork
(docs/performance.md, "Worker memory"). Without --preload it does nothing: the master never
imports the application. Nothing here touches the database: a connection opened in the master
would be shared by every worker.
"""


def when_ready(server):
    if server.cfg.preload_app:
        from search.query import load_dictionaries

        load_dictionaries()
