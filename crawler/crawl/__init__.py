"""The Scrapy side of a crawl: settings glue, middlewares, extensions, pipelines, runner, registry.

Modules: `middlewares` (thin Scrapy adapters over `policy/`), `extensions` (the shared archive
connection and the `crawl_runs` row), `pipelines` (Clean -> Validate -> Deduplicate -> Store),
`runner` (crawls from Python), `registry` (the sites file), `schedule` (cron / systemd), `probe`
(`warta sites add`). The plain policy functions the middlewares apply live in `crawl.policy`.
"""
