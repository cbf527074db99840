import { type FormEvent, type ReactNode, useId } from 'react';

interface SettingsSectionProps {
  title: string;
  /** What the section is about, under its title. */
  intro: ReactNode;
  /** A button beside the heading, e.g. Invite people. */
  actions?: ReactNode;
  /** The whole section is one form (Profile): it is sent from its own button. */
  onSubmit?: (event: FormEvent) => void;
  children: ReactNode;
}

/** One section of Settings: a heading with its explanation, then its panels. */
export function SettingsSection({ title, intro, actions, onSubmit, children }: SettingsSectionProps) {
  const titleId = useId();
  const content = (
    <>
      <header className="settings-section__head">
        <div className="settings-section__title">
          <h2 id={titleId}>{title}</h2>
          <p className="muted">{intro}</p>
        </div>
        {actions}
      </header>
      {children}
    </>
  );
  return onSubmit ? (
    <form className="settings-section" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      {content}
    </form>
  ) : (
    <section className="settings-section" aria-labelledby={titleId}>
      {content}
    </section>
  );
}
