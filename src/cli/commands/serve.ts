import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the web app and API (same as npm start); PORT and DATABASE_URL or LINCHPIN_DATA_DIR apply',
    )
    .option('-p, --port <port>', 'port to listen on', (v) => Number.parseInt(v, 10))
    .action(async (options: { port?: number }) => {
      // Loaded on demand so quick commands like `log` stay fast.
      const { startServer } = await import('../../server/main.ts');
      await startServer({ port: options.port });
    });
}
