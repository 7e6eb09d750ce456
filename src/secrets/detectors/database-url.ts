import { isPlaceholder } from '../../rules/placeholder.js'
import { looksRandom } from '../entropy.js'
import type { Candidate, Detector } from '../types.js'

const SERVICES: Record<string, string> = {
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  mongodb: 'MongoDB',
  'mongodb+srv': 'MongoDB',
  redis: 'Redis',
  rediss: 'Redis',
  amqp: 'AMQP (RabbitMQ)',
  amqps: 'AMQP (RabbitMQ)',
  mssql: 'SQL Server',
  sqlserver: 'SQL Server',
  cockroachdb: 'CockroachDB',
  clickhouse: 'ClickHouse'
}

/** How far before the `@` the scheme may start: scheme, `://`, user and password. */
const MAX_USERINFO_CHARS = 300
/** `scheme://user:password` right before the `@`. */
const USERINFO = /([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/([^\s/@:"'`]{0,128}):([^\s/@"'`]{1,256})$/
const HOST = /[^\s/?#"'`<>,;)\]}\\]+/y
/** Passwords of tutorials and dev setups that `isPlaceholder` does not know as such. */
const SAMPLE_PASSWORDS = new Set(['pass', 'pwd', 'pw', 'root', 'admin', 'guest'])
/** Hosts of a developer's own machine or of a docker-compose network (`db`, `postgres`). */
const LOCAL_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\]|host\.docker\.internal|[a-z0-9_-]+)$/i
const DOCUMENTATION_HOST = /example|your|\$\{|\{\{|<|%7b/i

/**
 * `secret/database-url`: a database or broker connection URL with a password in it
 * (`postgres://app:s3cr3t@db.internal:5432/prod`). Placeholders and documentation hosts are
 * dropped; a local development host is a warning, and only with a random-looking password.
 */
export const databaseUrl: Detector = {
  rule: 'secret/database-url',
  // `@` is rare in code; the lookbehind wants `://` and a `user:password` before it. It must hold
  // on UTF-8 read byte by byte too (files, a map's raw JSON): there a character takes up to three
  // bytes, and a byte of one (`à` is `C3 A0`) can read as a no-break space, which `\s` takes.
  trigger: `@(?<=:\\/\\/[^\\t-\\r /@]{1,${3 * MAX_USERINFO_CHARS}}@)`,
  priority: 2,
  lineLocal: true,
  inBinary: true,
  confirm(text: string, at: number): Candidate | undefined {
    const from = Math.max(0, at - MAX_USERINFO_CHARS)
    const userinfo = USERINFO.exec(text.slice(from, at))
    if (userinfo === null) return undefined
    const service = SERVICES[userinfo[1].toLowerCase()]
    if (service === undefined) return undefined
    const password = userinfo[3]
    if (isPlaceholder(password) || SAMPLE_PASSWORDS.has(password.toLowerCase())) return undefined
    HOST.lastIndex = at + 1
    const host = HOST.exec(text)?.[0]
    if (host === undefined || DOCUMENTATION_HOST.test(host)) return undefined
    const start = from + userinfo.index
    const end = at + 1 + host.length
    const hostname = host.replace(/:\d+$/, '')
    const type = `${service} connection URL with a password`
    if (!LOCAL_HOST.test(hostname)) return { start, end, value: password, type, severity: 'error' }
    if (!looksRandom(password)) return undefined // `postgres:postgres@localhost`: a dev default
    return {
      start,
      end,
      value: password,
      type,
      severity: 'warning',
      note: `host ${hostname} is a local development host`
    }
  }
}
