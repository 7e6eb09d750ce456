import type { Entry, FileEntry } from '../engine/entry.js'
import { lowerSeverity } from '../engine/finding.js'
import type { RuleReport } from '../engine/rule.js'
import { isFileEntry } from '../engine/rule.js'
import { redactSecret } from '../secrets/redact.js'
import type { EntryPathParts } from './private-file-paths.js'
import { folderPath } from './private-file-paths.js'

interface FolderKind {
  rule: 'private-file/vcs' | 'private-file/key' | 'private-file/editor' | 'private-file/agent'
  label: string
}

/** Folder names, matched exactly (a Map: path components such as `constructor` must not hit a prototype). */
const FOLDERS = new Map<string, FolderKind>([
  ['.git', { rule: 'private-file/vcs', label: 'Git repository' }],
  ['.hg', { rule: 'private-file/vcs', label: 'Mercurial repository' }],
  ['.svn', { rule: 'private-file/vcs', label: 'Subversion working copy' }],
  ['.bzr', { rule: 'private-file/vcs', label: 'Bazaar repository' }],
  ['.gnupg', { rule: 'private-file/key', label: 'GnuPG home' }],
  ['.idea', { rule: 'private-file/editor', label: 'JetBrains IDE settings' }],
  ['.vscode', { rule: 'private-file/editor', label: 'VS Code settings' }],
  ['.vs', { rule: 'private-file/editor', label: 'Visual Studio settings' }],
  // VS Code's Local History extension: timestamped copies of every file saved
  ['.history', { rule: 'private-file/editor', label: 'VS Code Local History' }],
  ['__MACOSX', { rule: 'private-file/editor', label: 'macOS archive metadata' }],
  ['.claude', { rule: 'private-file/agent', label: 'Claude Code settings' }],
  ['.cursor', { rule: 'private-file/agent', label: 'Cursor settings and rules' }],
  ['.windsurf', { rule: 'private-file/agent', label: 'Windsurf settings and rules' }],
  ['.gemini', { rule: 'private-file/agent', label: 'Gemini CLI settings' }]
])

const WHY: Record<FolderKind['rule'], string> = {
  'private-file/vcs': 'it can hold the whole history, unreleased code and remote URLs',
  'private-file/key': 'it holds secret keys (private-keys-v1.d, secring.gpg) and the keyrings',
  'private-file/editor': 'editor/OS litter that should not ship',
  'private-file/agent': 'AI agent configuration and instructions that should not ship'
}

/** In a `.git/config`: a remote URL with a password, or the auth header actions/checkout persists. */
const GIT_CONFIG_CREDENTIAL =
  /(?:url\s*=\s*[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s@]+)@|extraheader\s*=\s*AUTHORIZATION:\s*\w+\s+(\S+))/i

interface TrackedFolder {
  kind: FolderKind
  path: string
  entry: Entry
  files: number
  inDependency: boolean
  /** Redacted credential found in the folder's `config`. */
  credential?: string
}

/**
 * VCS, editor and agent folders, recognised from any entry path under them (zips often have no
 * directory entries) and reported once per folder, with a file count, when the walk ends.
 */
export class FolderTracker {
  private readonly folders = new Map<string, TrackedFolder>()

  track(entry: Entry | FileEntry, parts: EntryPathParts): void {
    const depth = entry.kind === 'directory' ? parts.components.length : parts.components.length - 1
    for (let i = 0; i < depth; i++) {
      const kind = FOLDERS.get(parts.components[i])
      if (kind === undefined) continue
      const path = folderPath(parts, i + 1)
      const folder = this.folders.get(path) ?? {
        kind,
        path,
        entry,
        files: 0,
        inDependency: parts.components.slice(0, i).includes('node_modules')
      }
      this.folders.set(path, folder)
      if (entry.kind === 'file') folder.files++
      const isConfig = kind.rule === 'private-file/vcs' && i === parts.components.length - 2
      if (isConfig && parts.name === 'config' && isFileEntry(entry)) {
        const found = GIT_CONFIG_CREDENTIAL.exec(entry.content.toString('latin1'))
        if (found) folder.credential = redactSecret(found[1] ?? found[2])
      }
    }
  }

  reports(): RuleReport[] {
    return [...this.folders.values()].map((folder) => {
      const { kind, path, files, credential } = folder
      // litter that came with a dependency is lowered; a repository or secret keys are not
      const lowered =
        folder.inDependency &&
        (kind.rule === 'private-file/editor' || kind.rule === 'private-file/agent')
      const base = `${kind.label} folder ${path} (${files} file${files === 1 ? '' : 's'}): ${WHY[kind.rule]}`
      const secret =
        credential === undefined ? '' : `; its config holds a credential (${credential})`
      const note = lowered
        ? '; one level lower because it is inside a dependency (node_modules)'
        : ''
      return {
        rule: kind.rule,
        entry: { ...folder.entry, path, kind: 'directory', size: 0 },
        message: `${base}${secret}${note}`,
        ...(lowered ? { severity: lowerSeverity('warning') } : {}),
        details: { folder: path, files, ...(credential === undefined ? {} : { credential }) }
      }
    })
  }
}
