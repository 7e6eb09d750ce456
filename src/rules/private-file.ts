import type { Entry, FileEntry } from '../engine/entry.js'
import { lowerSeverity } from '../engine/finding.js'
import type { Rule, RuleMeta, RuleReport } from '../engine/rule.js'
import { isFileEntry } from '../engine/rule.js'
import { isTestPath } from '../secrets/test-path.js'
import { inspectCredentialFile } from './private-file-credentials.js'
import { inspectEnvFile } from './private-file-env.js'
import { FolderTracker } from './private-file-folders.js'
import { inspectKeyFile } from './private-file-keys.js'
import { inspectInternalDoc } from './private-file-internal-doc.js'
import { inspectAgentFile, inspectEditorFile, inspectHistoryFile } from './private-file-litter.js'
import type { EntryPathParts } from './private-file-paths.js'
import { isInDependency, splitEntryPath } from './private-file-paths.js'
import type { FileVerdict } from './private-file-verdict.js'

const META: RuleMeta = {
  family: 'private-file',
  rules: {
    'private-file/env': {
      severity: 'error',
      description:
        'An env file (.env, .env.*, *.env) with secret values; placeholder-only files are a warning, templates (.env.example) a notice'
    },
    'private-file/key': {
      severity: 'error',
      description:
        'A private key or keystore (id_rsa, *.pem/*.key with a private key block, *.p12, *.jks, *.ppk, PGP secret keys, a .gnupg/ folder, a KeePass database)'
    },
    'private-file/credentials': {
      severity: 'error',
      description:
        'A credential file with real values (.npmrc/.pypirc/.netrc/.git-credentials with auth, cloud credentials, kubeconfig, *.tfstate, .htpasswd)'
    },
    'private-file/vcs': {
      severity: 'error',
      description:
        'A version-control folder (.git/, .hg/, .svn/, .bzr/), once per folder; a .git pointer file is a notice'
    },
    'private-file/editor': {
      severity: 'warning',
      description:
        'Editor and OS litter (.idea/, .vscode/, .DS_Store, Thumbs.db, swap and backup files)'
    },
    'private-file/history': {
      severity: 'warning',
      description:
        'A shell, database-client or REPL history (.bash_history, .zsh_history, .psql_history, .node_repl_history …)'
    },
    'private-file/internal-doc': {
      severity: 'warning',
      description:
        'An internal document: named or filed as internal or confidential, or labelled so in its first lines (Company Confidential, Do not distribute)'
    },
    'private-file/agent': {
      severity: 'warning',
      description:
        'AI agent files (CLAUDE.md, AGENTS.md, .claude/, .cursor/, .cursorrules, MCP configs); an error when they hold real credentials'
    }
  }
}

const TEST_FOLDER_NOTE = 'one level lower because it is under a test, fixture or example folder'
const DEPENDENCY_NOTE = 'one level lower because it is inside a dependency (node_modules)'
/** How a verdict ends when its own reason already lowered it. */
const LOWERED = '; one level lower'

/** Classifiers, most specific first; the first verdict wins. */
const INSPECTORS: ReadonlyArray<
  (entry: FileEntry, parts: EntryPathParts) => FileVerdict | undefined
> = [
  inspectGitPointer,
  inspectCredentialFile,
  inspectKeyFile,
  inspectEnvFile,
  inspectAgentFile,
  inspectHistoryFile,
  inspectInternalDoc,
  (_entry, parts) => inspectEditorFile(parts)
]

/**
 * `private-file/*`: files that should never ship. Matching uses the components of the entry
 * path's last `!/` segment, so `inner.tgz!/package/.env` is an env file wherever it nests.
 */
export const privateFileRule: Rule = {
  meta: META,
  create(context) {
    const folders = new FolderTracker()
    return {
      entry(entry: Entry | FileEntry) {
        const parts = splitEntryPath(entry.path)
        folders.track(entry, parts)
        if (!isFileEntry(entry)) return
        const verdict = inspectFile(entry, parts)
        if (verdict !== undefined) context.report(toReport(entry, parts, verdict))
      },
      end() {
        for (const report of folders.reports()) context.report(report)
      }
    }
  }
}

function inspectFile(entry: FileEntry, parts: EntryPathParts): FileVerdict | undefined {
  for (const inspect of INSPECTORS) {
    const verdict = inspect(entry, parts)
    if (verdict !== undefined) return verdict
  }
  return undefined
}

function toReport(entry: Entry, parts: EntryPathParts, verdict: FileVerdict): RuleReport {
  let { severity, message } = verdict
  const lowerBy =
    verdict.kind === 'secret' && isTestPath(entry.path)
      ? TEST_FOLDER_NOTE
      : verdict.kind === 'litter' && isInDependency(parts)
        ? DEPENDENCY_NOTE
        : undefined
  if (lowerBy !== undefined) {
    severity = lowerSeverity(severity)
    message = message.endsWith(LOWERED)
      ? `${message.slice(0, -LOWERED.length)}; one level lower for that, and ${lowerBy.replace('one level lower', 'one more')}`
      : `${message}; ${lowerBy}`
  }
  return {
    rule: verdict.rule,
    entry,
    severity,
    message,
    ...(verdict.line === undefined ? {} : { line: verdict.line }),
    ...(verdict.details === undefined ? {} : { details: verdict.details })
  }
}

/** A `.git` file, not folder: a worktree or submodule pointer (`gitdir: …`). */
function inspectGitPointer(_entry: FileEntry, parts: EntryPathParts): FileVerdict | undefined {
  if (parts.name !== '.git') return undefined
  return {
    rule: 'private-file/vcs',
    severity: 'notice',
    kind: 'litter',
    message:
      '.git pointer file (git worktree or submodule link): it names a local path and should not ship'
  }
}
