/**
 * Wraps a case's input generator so that the cases auditing the same input (with and without the
 * secret scan) write it once per bench folder: the first call generates, later ones share it.
 * @param {(dir: string) => Promise<object>} generate
 */
export function oncePerFolder(generate) {
  /** Bench folder → the input generated there (a promise). */
  const generated = new Map()
  return (dir) => {
    let input = generated.get(dir)
    if (input === undefined) generated.set(dir, (input = generate(dir)))
    return input
  }
}
