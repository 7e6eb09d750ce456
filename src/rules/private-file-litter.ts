import type { FileEntry } from '../engine/entry.js'
import { lowerSeverity } from '../engine/finding.js'
import type { EntryPathParts } from './private-file-paths.js'
import { endsWithComponents } from './private-file-paths.js'
import type { Credential, FileVerdict } from './private-file-verdict.js'
import { describeKeys, lineAt, summarizeCredentials } from './private-file-verdict.js'

const EDITOR_FILES = new Map<string, string>([
  ['.ds_store', 'macOS Finder metadata'],
  ['thumbs.db', 'Windows thumbnail cache'],
  ['desktop.ini', 'Windows folder settings']
])

const AGENT_FILES = new Map<string, string>([
  ['CLAUDE.md', 'Claude Code instructions'],
  ['CLAUDE.local.md', 'Claude Code local instructions'],
  ['AGENTS.md', 'AI agent instructions'],
  ['GEMINI.md', 'Gemini CLI instructions'],
  ['.cursorrules', 'Cursor rules'],
  ['.windsurfrules', 'Windsurf rules']
])

/** Command histories kept in a home folder: what was typed, tokens in `export` lines included. */
const HISTORY_FILES = new Map<string, string>([
  ['.bash_history', 'bash history'],
  ['.zsh_history', 'zsh history'],
  ['.sh_history', 'shell history'],
  ['.ash_history', 'shell history'],
  ['.history', 'shell history'],
  ['fish_history', 'fish history'],
  ['.psql_history', 'psql history'],
  ['.mysql_history', 'MySQL client history'],
  ['.sqlite_history', 'SQLite shell history'],
  ['.rediscli_history', 'redis-cli history'],
  ['.dbshell', 'MongoDB shell history'],
  ['.python_history', 'Python REPL history'],
  ['.node_repl_history', 'Node.js REPL history'],
  ['.irb_history', 'Ruby irb history'],
  ['.pry_history', 'Ruby pry history'],
  ['.viminfo', 'Vim history (commands, searches, registers)']
])

/**
 * Shell, database-client and REPL histories: every command typed, including the tokens and
 * passwords passed on command lines (`export GITHUB_TOKEN=…`, `psql postgres://user:pw@…`).
 * A warning whatever they hold: the secret rules report any credential in them on its own line.
 */
export function inspectHistoryFile(
  entry: FileEntry,
  parts: EntryPathParts
): FileVerdict | undefined {
  const label = HISTORY_FILES.get(parts.lowerName)
  if (label === undefined) return undefined
  const empty = entry.content.length === 0
  return {
    rule: 'private-file/history',
    severity: empty ? 'notice' : 'warning',
    kind: 'litter',
    message: empty
      ? `${label} ${parts.name} is empty; it still names a developer's machine and should not ship; one level lower`
      : `${label} ${parts.name}: commands typed on a developer's machine or a runner, often with tokens and passwords in them`
  }
}

/** `.DS_Store`, `Thumbs.db`, vim swap files, `file~` backups. */
export function inspectEditorFile(parts: EntryPathParts): FileVerdict | undefined {
  const label =
    EDITOR_FILES.get(parts.lowerName) ??
    (/^\..*\.sw[po]$/.test(parts.lowerName) ? 'vim swap file' : undefined) ??
    (parts.name.length > 1 && parts.name.endsWith('~') ? 'editor backup file' : undefined)
  if (label === undefined) return undefined
  return {
    rule: 'private-file/editor',
    severity: 'warning',
    kind: 'litter',
    message: `${label} ${parts.name}: editor/OS litter that should not ship`
  }
}

/** Agent instruction files, and MCP configs that pass credentials to servers. */
export function inspectAgentFile(entry: FileEntry, parts: EntryPathParts): FileVerdict | undefined {
  if (parts.lowerName === '.mcp.json' || parts.lowerName === 'mcp.json')
    return inspectMcpConfig(entry, parts)
  const label =
    AGENT_FILES.get(parts.name) ??
    (endsWithComponents(parts, ['.github', 'copilot-instructions.md'])
      ? 'GitHub Copilot instructions'
      : undefined)
  if (label === undefined) return undefined
  return {
    rule: 'private-file/agent',
    severity: 'warning',
    kind: 'litter',
    message: `${label} ${parts.name}: AI agent instructions that should not ship (they often describe internals)`
  }
}

const SECRET_NAME = /pass|pwd|secret|token|key|auth|credential|cookie|bearer/i

function inspectMcpConfig(entry: FileEntry, parts: EntryPathParts): FileVerdict | undefined {
  const text = entry.content.toString('utf8')
  const credentials = readMcpCredentials(text)
  const dotFile = parts.lowerName === '.mcp.json'
  if (credentials === undefined || credentials.length === 0) {
    if (!dotFile) return undefined
    return {
      rule: 'private-file/agent',
      severity: 'warning',
      kind: 'litter',
      message: `MCP server config ${parts.name}: AI agent configuration that should not ship`
    }
  }
  const { real, listed } = summarizeCredentials(credentials)
  const base = `MCP server config ${parts.name} passes credentials to its servers`
  return {
    rule: 'private-file/agent',
    kind: 'secret',
    line: (real[0] ?? credentials[0]).line,
    details: { credentials: listed },
    ...(real.length > 0
      ? { severity: 'error', message: `${base}: ${describeKeys(real)}` }
      : {
          severity: lowerSeverity('error'),
          message: `${base}, but every value looks like a placeholder (${describeKeys(credentials)}); one level lower`
        })
  }
}

/** `mcpServers.<name>.env` and `.headers` entries whose names look like credentials. */
function readMcpCredentials(text: string): Credential[] | undefined {
  let config: unknown
  try {
    config = JSON.parse(text)
  } catch {
    return undefined
  }
  const servers =
    (config as { mcpServers?: unknown; servers?: unknown } | null)?.mcpServers ??
    (config as { servers?: unknown } | null)?.servers
  if (typeof servers !== 'object' || servers === null) return undefined
  const credentials: Credential[] = []
  for (const [server, spec] of Object.entries(servers)) {
    for (const field of ['env', 'headers'] as const) {
      const values = (spec as Record<string, unknown> | null)?.[field]
      if (typeof values !== 'object' || values === null) continue
      for (const [name, value] of Object.entries(values)) {
        if (typeof value !== 'string' || !SECRET_NAME.test(name)) continue
        const at = text.indexOf(`"${name}"`)
        credentials.push({
          key: `${server}.${field}.${name}`,
          value: stripScheme(value),
          line: lineAt(text, at)
        })
      }
    }
  }
  return credentials
}

/** `Bearer ${TOKEN}` is as much a placeholder as `${TOKEN}`. */
function stripScheme(value: string): string {
  return value.replace(/^(?:Bearer|Basic|token)\s+/i, '')
}
