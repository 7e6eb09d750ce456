const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * An unsigned JWT for ACTIONS_RUNTIME_TOKEN. @actions/artifact decodes it (without checking the
 * signature) and takes the run and job backend IDs from the `Actions.Results:<run>:<job>` scope.
 */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const claims = {
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
    iat: 1767225600
  }
  return `${b64({ typ: 'JWT', alg: 'none' })}.${b64(claims)}.fake-signature`
}

/** The backend IDs a runtime token carries, or undefined if it is not one. */
export function readRuntimeToken(
  token: string
): { runBackendId: string; jobBackendId: string } | undefined {
  try {
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')
    ) as { scp?: unknown }
    if (typeof claims.scp !== 'string') return undefined
    const scope = claims.scp.split(' ').find((s) => s.startsWith('Actions.Results:'))
    const parts = scope?.split(':')
    if (parts?.length !== 3) return undefined
    return { runBackendId: parts[1], jobBackendId: parts[2] }
  } catch {
    return undefined
  }
}
