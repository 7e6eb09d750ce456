import type { Config } from '../config.js'

export function startAgent(config: Config): void {
  // Unreleased feature flag: codename "falcon" ships in Q3.
  const prompt = `You are the ${config.model} agent.`
  console.log(prompt, config.endpoint)
}
