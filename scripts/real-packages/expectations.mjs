// What must hold for each package, per group (see packages.mjs). Each check returns the list of
// broken expectations as sentences naming the package, path and numbers involved; empty = pass.

const isCredentialRule = (rule) => rule.startsWith('secret/') || rule.startsWith('private-file/')

/**
 * @param {{ spec: string, group: string }} pkg
 * @param {{ summary: object, findings: object[] }} report the CLI's JSON report
 * @param {{ files: number, maps: Map<string, object> }} census from census.mjs
 * @returns {string[]}
 */
export function checkPackage(pkg, report, census) {
  const failures = [...checkMaps(report, census), ...GROUP_CHECKS[pkg.group](report, census)]
  if (report.summary.files < census.files) {
    failures.push(`audited ${report.summary.files} files, the tarball holds ${census.files}`)
  }
  return failures
}

const GROUP_CHECKS = {
  embedded(report, census) {
    const embedding = [...census.maps.values()].filter((m) => m.firstParty > 0).length
    const failures = embedding === 0 ? ['no map embeds first-party source: no longer fits'] : []
    return failures.concat(checkCredentials(report))
  },
  'no-sources'(report, census) {
    const failures = []
    if (census.maps.size === 0) failures.push('ships no map: the package no longer fits')
    if ([...census.maps.values()].some((m) => m.firstParty > 0)) {
      failures.push('a map embeds first-party source: the package no longer fits')
    }
    return failures.concat(errorsOf(report).map((f) => `unexpected: ${describe(f)}`))
  },
  clean(report, census) {
    const failures = census.maps.size > 0 ? [`ships ${census.maps.size} maps: no longer fits`] : []
    const loud = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    return failures.concat(loud.map((f) => `false positive? ${describe(f)}`))
  },
  sweep(report) {
    return errorsOf(report).map((f) => `false positive? ${describe(f)}`)
  },
  control(report) {
    const keys = report.findings.filter(
      (f) => f.rule === 'secret/private-key' || f.rule === 'private-file/key'
    )
    const failures = keys.length === 0 ? ['no private key found in the shipped test fixtures'] : []
    const notLowered = keys.filter((f) => !f.message.includes('one level lower'))
    return failures
      .concat(notLowered.map((f) => `test key not lowered: ${describe(f)}`))
      .concat(errorsOf(report).map((f) => `unexpected: ${describe(f)}`))
  }
}

/**
 * Every map the census found gets exactly one finding at its path: embedded-source with the
 * census's counts when it embeds first-party text, sourcemap/file otherwise.
 */
function checkMaps(report, census) {
  const failures = []
  const byPath = new Map()
  for (const f of report.findings) {
    if (f.rule !== 'sourcemap/embedded-source' && f.rule !== 'sourcemap/file') continue
    byPath.set(f.path, [...(byPath.get(f.path) ?? []), f])
  }
  for (const [path, map] of census.maps) {
    if (!map.parsed) continue
    const found = byPath.get(path) ?? []
    const want = map.firstParty > 0 ? 'sourcemap/embedded-source' : 'sourcemap/file'
    if (found.length !== 1 || found[0].rule !== want) {
      const got = found.map((f) => f.rule).join(', ') || 'nothing'
      failures.push(`${path}: expected one ${want}, got ${got}`)
      continue
    }
    if (want === 'sourcemap/file') continue
    const { firstPartyFiles, firstPartyLines } = found[0].details
    if (firstPartyFiles !== map.firstParty || firstPartyLines !== map.firstPartyLines) {
      failures.push(
        `${path}: CLI counts ${firstPartyFiles} first-party files / ${firstPartyLines} lines, ` +
          `JSON.parse counts ${map.firstParty} / ${map.firstPartyLines}`
      )
    }
  }
  for (const f of report.findings) {
    if (f.rule === 'sourcemap/embedded-source' && !f.details?.inline && !census.maps.has(f.path)) {
      failures.push(`embedded-source on ${f.path}, which the census does not count as a map`)
    }
  }
  return failures
}

/** Packages chosen for their maps must not trip the credential rules either. */
function checkCredentials(report) {
  return errorsOf(report)
    .filter((f) => isCredentialRule(f.rule))
    .map((f) => `false positive? ${describe(f)}`)
}

const errorsOf = (report) => report.findings.filter((f) => f.severity === 'error')

export function describe(f) {
  const where = f.line === undefined ? f.path : `${f.path}:${f.line}`
  return `${f.severity} ${f.rule} ${where} — ${f.message}`
}

export { isCredentialRule }
