import { describe, expect, it } from '@jest/globals'
import { scanSecrets } from '../../src/secrets/scan.js'
import { createFakes } from './support/fake-secrets.js'

const fake = createFakes(7)
const password = fake.generic(20)

describe('secret/database-url: what it finds', () => {
  it.each([
    ['PostgreSQL', `DATABASE_URL=postgres://app:${password}@db.internal.corp:5432/prod`],
    ['PostgreSQL', `const url = "postgresql://svc:${password}@10.1.2.3/app?sslmode=require"`],
    ['MySQL', `mysql://root2:${password}@mysql.prod.acme.io:3306/shop`],
    ['MongoDB', `"mongodb+srv://reader:${password}@cluster0.ab1cd.mongodb.net/app"`],
    ['MongoDB', `mongodb://u:${password}@h1.acme.io:27017,h2.acme.io:27017/db`],
    ['Redis', `REDIS_URL: 'rediss://default:${password}@cache.acme.io:6380'`],
    ['AMQP (RabbitMQ)', `amqps://worker:${password}@mq.acme.io/vhost`],
    ['PostgreSQL', `x = "jdbc:postgresql://app:${password}@db.acme.io/app"`]
  ])('%s: %s', (service, text) => {
    const [match, ...rest] = scanSecrets(text)
    expect(rest).toEqual([])
    expect(match).toMatchObject({ rule: 'secret/database-url', severity: 'error' })
    expect(match.description).toBe(`${service} connection URL with a password`)
    expect(match.redacted).toBe(`${password.slice(0, 4)}…`)
    expect(text.slice(match.column - 1)).toMatch(/^(?:postgres|mysql|mongodb|rediss|amqps)/)
  })

  it('is a warning on a local host, and only with a random-looking password', () => {
    const [match] = scanSecrets(`postgres://app:${password}@localhost:5432/dev`)
    expect(match).toMatchObject({ rule: 'secret/database-url', severity: 'warning' })
    expect(match.description).toMatch(/local development host/)
    expect(scanSecrets(`redis://:${password}@redis:6379`)[0]?.severity).toBe('warning')
  })
})

describe('secret/database-url: what it leaves alone', () => {
  it.each([
    ['dev default on localhost', 'postgres://postgres:postgres@localhost:5432/test'],
    ['dev default on a compose host', 'mysql://root:root@db/app'],
    ['placeholder password', 'postgres://user:password@db.acme.io/app'],
    ['sample password', 'postgres://user:pass@db.acme.io/app'],
    ['example password in leetspeak', 'postgres://app:s3cr3t@db.internal:5432/prod'],
    ['variable password', 'postgres://app:${DB_PASSWORD}@db.acme.io/app'],
    ['template host', `postgres://app:${password}@\${DB_HOST}/app`],
    ['documentation host', `postgres://app:${password}@db.example.com/app`],
    ['no password', 'postgres://app@db.acme.io/app'],
    ['other scheme', `https://user:${password}@api.acme.io/`],
    ['scheme glued to a word', `xpostgres://app:${password}@db.acme.io/app`],
    ['an npm scope', 'import x from "@babel/core"; // see https://babel.dev'],
    ['an email address', 'contact: ops@acme.io']
  ])('%s', (_name, text) => {
    expect(scanSecrets(text)).toEqual([])
  })
})
