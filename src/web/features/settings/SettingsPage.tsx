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
import { TeamPrivacySection } from './TeamPrivacySection.tsx';

const SECTIONS: { id: SettingsSection; label: string; ownerOnly?: boolean }[] = [
  { id: 'profile', label: 'Profile' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'calendar-feed', label: 'Calendar feed' },
  { id: 'leader-view', label: 'What my leader sees' },
  { id: 'people', label: 'People' },
  { id: 'team-privacy', label: 'Team privacy', ownerOnly: true },
  { id: 'tokens', label: 'Tokens' },
  { id: 'password', label: 'Password' },
  { id: 'audit', label: 'Audit log', ownerOnly: true },
];

/**
 * #/settings/<section>: yours (profile, notifications, calendar feed, what your leader sees, tokens,
 * password) and the workspace's (people, team privacy, audit).
 */
export function SettingsPage({ me, section }: { me: Me; section?: SettingsSection }) {
  const sections = SECTIONS.filter((s) => !s.ownerOnly || me.role === 'owner');
  const current = sections.find((s) => s.id === section)?.id ?? 'profile';
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
              aria-current={s.id === current ? 'page' : undefined}
            >
              {s.label}
            </a>
          ))}
        </nav>
        <div className="settings-layout__content">
          {current === 'notifications' ? (
            <NotificationSettingsSection me={me} />
          ) : current === 'calendar-feed' ? (
            <CalendarFeedSection />
          ) : current === 'people' ? (
            <PeopleSection me={me} />
          ) : current === 'tokens' ? (
            <TokensSection me={me} />
          ) : current === 'password' ? (
            <PasswordSection me={me} />
          ) : current === 'team-privacy' ? (
            <TeamPrivacySection />
          ) : current === 'leader-view' ? (
            <LeaderViewSection me={me} />
          ) : current === 'audit' ? (
            <AuditSection me={me} />
          ) : (
            <ProfileSection key={me.id} me={me} />
          )}
        </div>
      </div>
    </div>
  );
}
