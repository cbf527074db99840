import { type ReactNode, useId } from 'react';

interface PanelHeadingProps {
  title: ReactNode;
  /** The heading's id, when the panel is named by it. */
  titleId?: string;
  /** A short note beside the title: a count, what the panel covers. */
  subtitle?: ReactNode;
  /** A way to the whole of it, beside the title (e.g. "All reflections"). */
  link?: { href: string; label: string };
  /** What the panel offers, at the header's end: a button, a picker. */
  children?: ReactNode;
}

/** A panel's header: its title, then a note or link, then its actions. */
export function PanelHeading({ title, titleId, subtitle, link, children }: PanelHeadingProps) {
  return (
    <div className="panel__header">
      <h2 className="panel__title" id={titleId}>
        {title}
      </h2>
      {subtitle !== undefined && subtitle !== null && subtitle !== false && (
        <span className="panel__subtitle">{subtitle}</span>
      )}
      {link && (
        <a className="panel__subtitle" href={link.href}>
          {link.label}
        </a>
      )}
      {children}
    </div>
  );
}

interface PanelProps extends Omit<PanelHeadingProps, 'titleId' | 'children'> {
  /** Buttons or a picker at the header's end. */
  actions?: ReactNode;
  /** Extra classes beside `panel`. */
  className?: string;
  testId?: string;
  /** A landmark named by its title (the default); `false` for a plain box, such as the Week's side panels. */
  named?: boolean;
  children?: ReactNode;
}

/** A titled box on a page: a header with its note and actions, then what it shows. */
export function Panel({
  title,
  subtitle,
  link,
  actions,
  className,
  testId,
  named = true,
  children,
}: PanelProps) {
  const titleId = useId();
  return (
    <section
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={named ? titleId : undefined}
      data-testid={testId}
    >
      <PanelHeading title={title} titleId={named ? titleId : undefined} subtitle={subtitle} link={link}>
        {actions}
      </PanelHeading>
      {children}
    </section>
  );
}
