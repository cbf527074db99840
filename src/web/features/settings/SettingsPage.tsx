import type { ReactNode } from 'react';
import type { Me } from '../../api/types.ts';
import { hrefOf, type SettingsSection } from '../../shared/navigation.ts';
import { AuditSection } from '../people/AuditSection.tsx';
import { PasswordSection } from '../people/PasswordSection.tsx';
import { PeopleSection } from '../people/PeopleSection.tsx';
import { TokensSection } from '../people/TokensSection.tsx';
import { CalendarFeedSection } from './CalendarFeedSection.tsx';
import { LeaderViewSection } from './LeaderViewSection.tsx';
import { NotificationSettingsSection } from './NotificationSettingsSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SignInSection } from './SignInSection.tsx';
import { TeamPrivacySection } from './TeamPrivacySection.tsx';

interface Section {
  id: SettingsSection;
  label: string;
  ownerOnly?: boolean;
  /** What the section shows when chosen. */
  content: (me: Me) => ReactNode;
}

/** Where Settings opens, and what it shows for a section not open to this person. */
const PROFILE: Section = {
  id: 'profile',
  label: 'Profile',
  content: (me) => <ProfileSection key={me.id} me={me} />,
};

const SECTIONS: Section[] = [
  PROFILE,
  { id: 'notifications', label: 'Notifications', content: (me) => <NotificationSettingsSection me={me} /> },
  { id: 'calendar-feed', label: 'Calendar feed', content: () => <CalendarFeedSection /> },
  { id: 'leader-view', label: 'What my leader sees', content: (me) => <LeaderViewSection me={me} /> },
  { id: 'people', label: 'People', content: (me) => <PeopleSection me={me} /> },
  { id: 'team-privacy', label: 'Team privacy', ownerOnly: true, content: () => <TeamPrivacySection /> },
  { id: 'sign-in', label: 'Sign-in', ownerOnly: true, content: () => <SignInSection /> },
  { id: 'tokens', label: 'Tokens', content: (me) => <TokensSection me={me} /> },
  { id: 'password', label: 'Password', content: (me) => <PasswordSection me={me} /> },
  { id: 'audit', label: 'Audit log', ownerOnly: true, content: (me) => <AuditSection me={me} /> },
];

/**
 * #/settings/<section>: yours (profile, notifications, calendar feed, what your leader sees, tokens,
 * password) and the workspace's (people, team privacy, audit).
 */
export function SettingsPage({ me, section }: { me: Me; section?: SettingsSection }) {
  const sections = SECTIONS.filter((s) => !s.ownerOnly || me.role === 'owner');
  const current = sections.find((s) => s.id === section) ?? PROFILE;
  return (
    <div className="settings-page">
      <h1 className="settings-page__title">Settings</h1>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label="Settings">
          {sections.map((s) => (
            <a
              key={s.id}
              href={hrefOf({ page: 'settings', section: s.id })}
              className="settings-nav__link"
              aria-current={s === current ? 'page' : undefined}
            >
              {s.label}
            </a>
          ))}
        </nav>
        <div className="settings-layout__content">{current.content(me)}</div>
      </div>
    </div>
  );
}
