// Runs a command and times it: wall-clock from spawn to exit, with stdout collected only when
// asked (the baselines write to /dev/null, like `gzip -dc f > /dev/null`).
import { spawn } from 'node:child_process'

/**
 * @param {string[]} command program and arguments
 * @param {{ env?: NodeJS.ProcessEnv, captureStdout?: boolean }} [options]
 * @returns {Promise<{ ms: number, code: number | null, stdout: string, stderr: string }>}
 */
export function timeCommand(command, options = {}) {
  const [program, ...args] = command
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(program, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe']
    })
    const stdout = []
    const stderr = []
    child.stdout?.on('data', (chunk) => stdout.push(chunk))
    child.stderr.on('data', (chunk) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({
        ms: performance.now() - started,
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString()
      })
    })
  })
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
