import { loadConfig } from './config.js'
import { startAgent } from './agent/loop.js'

const config = loadConfig(process.env)
startAgent(config)
