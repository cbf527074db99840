import type { ReactNode } from 'react';

interface PageIntroProps {
  title: ReactNode;
  /** What the page is for, under the title. */
  intro: ReactNode;
  introTestId?: string;
  /** The way back to where the page belongs, above the title (e.g. "← Accounts"). */
  back?: { href: string; label: ReactNode };
  /** Buttons beside the heading; a page without them has the heading alone. */
  actions?: ReactNode;
}

/** The top of a page beyond the Week: its title and explanation, and what it offers. */
export function PageIntro({ title, intro, introTestId, back, actions }: PageIntroProps) {
  const heading = (
    <>
      {back && (
        <a className="account-back" href={back.href}>
          {back.label}
        </a>
      )}
      <h1>{title}</h1>
      <p className="muted" data-testid={introTestId}>
        {intro}
      </p>
    </>
  );
  if (actions === undefined) return <div className="page-intro">{heading}</div>;
  return (
    <div className="page-intro page-intro--row">
      <div>{heading}</div>
      {actions}
    </div>
  );
}
