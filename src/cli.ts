import { runCli } from './cli/run-cli.js'

// A reader that stops early (`release-audit … | head`) closes the pipe: what it read stands and
// the exit code still gives the verdict, with no stack trace for the write that found it closed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return
  process.stderr.write(
    `release-audit: cannot write the report to standard output: ${error.message}\n`
  )
  process.exit(2)
})

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
})
process.exitCode = code
