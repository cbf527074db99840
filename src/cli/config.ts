import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface CliConfig {
  server: string;
  token: string;
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.LINCHPIN_CONFIG ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'linchpin', 'config.json')
  );
}

/** Where the CLI talks to: LINCHPIN_SERVER/LINCHPIN_TOKEN win over what `linchpin login` saved. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): CliConfig | null {
  let saved: Partial<CliConfig> = {};
  try {
    saved = JSON.parse(readFileSync(configPath(env), 'utf8')) as Partial<CliConfig>;
  } catch {
    // no saved login yet
  }
  const server = env.LINCHPIN_SERVER ?? saved.server;
  const token = env.LINCHPIN_TOKEN ?? saved.token;
  return server && token ? { server, token } : null;
}

export function saveConfig(config: CliConfig, env: NodeJS.ProcessEnv = process.env): string {
  const path = configPath(env);
  mkdirSync(dirname(path), { recursive: true });
  // The token is a credential: readable by its owner only.
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return path;
}
