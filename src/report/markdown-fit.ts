import { byteLength, truncateUtf8 } from './markdown-escape.js'

export interface FitPlan {
  /** The body showing the first `shown` findings (and a pointer line when some are left out). */
  render: (shown: number) => string
  /** Verdict, counts and a pointer: used when not even the body without findings fits. */
  minimal: () => string
  /** How many findings the full body would show. */
  total: number
  limitBytes: number
}

/**
 * The body with as many findings as fit in `limitBytes` (UTF-8), dropping from the end of the
 * worst-first list, i.e. lowest severity first. Body size grows with `shown`, so a binary search
 * finds the largest count that fits. Below that: the minimal form; below that (only with absurd
 * inputs such as a huge check name): the minimal form cut at the limit.
 */
export function fitToLimit(plan: FitPlan): string {
  const fits = (body: string) => byteLength(body) <= plan.limitBytes
  const full = plan.render(plan.total)
  if (fits(full)) return full
  let body = plan.render(0)
  if (!fits(body)) {
    const minimal = plan.minimal()
    return fits(minimal) ? minimal : truncateUtf8(minimal, plan.limitBytes)
  }
  let lo = 0
  let hi = plan.total - 1
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    const candidate = plan.render(mid)
    if (fits(candidate)) {
      lo = mid
      body = candidate
    } else {
      hi = mid - 1
    }
  }
  return body
}
