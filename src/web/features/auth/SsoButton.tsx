import type { useStartSso } from './sso.ts';

/** "Sign in with <provider>": sends the browser to the identity provider (and waits while it goes). */
export function SsoButton({
  name,
  start,
  primary,
}: {
  name: string;
  start: ReturnType<typeof useStartSso>;
  primary: boolean;
}) {
  return (
    <button
      type="button"
      className={`button button--block${primary ? ' button--primary' : ''}`}
      onClick={() => start.mutate()}
      disabled={start.isPending}
    >
      {start.isPending ? `Opening ${name}…` : `Sign in with ${name}`}
    </button>
  );
}
