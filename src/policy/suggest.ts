/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
 * (at most a third of the word's length, and at least 1 edit allowed), or else one the word
 * abbreviates (`warn` → `warning`); otherwise undefined.
 */
export function suggestClosest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates]
  const closest = findClosest(word, list)
  if (closest !== undefined || word.length < 3) return closest
  return list.find((c) => c.toLowerCase().startsWith(word.toLowerCase()))
}

function findClosest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = measureEditDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= limit ? best : undefined
}

/** `; did you mean 'allow'?` or '' when nothing is close. */
export function describeSuggestion(word: string, candidates: Iterable<string>): string {
  const closest = suggestClosest(word, candidates)
  return closest === undefined ? '' : `; did you mean '${closest}'?`
}

/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit. */
function measureEditDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i])
  for (let j = 1; j <= b.length; j++) rows[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1)
      }
      rows[i][j] = d
    }
  }
  return rows[a.length][b.length]
}
