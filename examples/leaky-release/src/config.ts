export interface Config {
  endpoint: string
  model: string
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  return {
    endpoint: env.LEAKY_ENDPOINT ?? 'https://api.internal.example.com/v2',
    model: env.LEAKY_MODEL ?? 'falcon-large'
  }
}
