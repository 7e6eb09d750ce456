// Preloaded into the audited CLI (`node --require scripts/bench/report-rss.cjs …`): at exit, writes
// the process's peak resident set size in KiB (process.resourceUsage().maxRSS) to the file named
// by BENCH_RSS_FILE, so the benchmark can read the CLI's memory high-water mark.
'use strict'
const { writeFileSync } = require('node:fs')

const target = process.env.BENCH_RSS_FILE
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS))
  })
}
