import { useEffect, useId, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { problemOf } from '../../shared/forms.ts';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { hrefOf } from '../../shared/navigation.ts';
import { SettingsSection } from '../../shared/SettingsSection.tsx';
import { useToast } from '../../shared/Toasts.tsx';
import { DigestPreviewDialog } from '../notifications/DigestPreviewDialog.tsx';
import {
  type NotificationSettings,
  useNotificationSettings,
  useSaveNotificationSettings,
} from '../notifications/notification-queries.ts';
import { MailDeliveryNote } from './MailDeliveryNote.tsx';

type Setting = keyof NotificationSettings;

const DIGESTS: { id: Exclude<Setting, 'email'>; label: string; explanation: string; name: string }[] = [
  {
    id: 'weeklyPlan',
    label: 'Monday 08:00 — plan your week',
    explanation:
      "Last week's split against your targets, suggested big rocks, and the decisions and follow-ups due this week.",
    name: 'The Monday plan',
  },
  {
    id: 'fridayReflection',
    label: 'Friday 15:00 — reflect on your week',
    explanation: 'How the week went against your plan, and a link to write your weekly reflection.',
    name: 'The Friday reflection',
  },
  {
    id: 'daily',
    label: 'Daily 08:00 — what is due today (Mon–Fri)',
    explanation: "Today's planned actions, and the decisions to review and follow-ups due that day.",
    name: 'The daily digest',
  },
];

/** Settings → Notifications: which digests are mailed (each switch saves at once), and the next one's preview. */
export function NotificationSettingsSection({ me }: { me: Me }) {
  const settings = useNotificationSettings();
  const [previewing, setPreviewing] = useState(false);
  return (
    <SettingsSection
      title="Notifications"
      intro={
        <>
          The bell in the header lists what is due: decisions to review, follow-ups, people you are losing
          touch with. Digests bring it to your inbox. Times are in your time zone,{' '}
          <strong data-testid="notify-zone">{me.timeZone}</strong> (
          <a href={hrefOf({ page: 'settings', section: 'profile' })}>change it in Profile</a>).
        </>
      }
      actions={
        <button type="button" className="button" onClick={() => setPreviewing(true)}>
          Preview the next digest
        </button>
      }
    >
      {me.role === 'owner' && <MailDeliveryNote timeZone={me.timeZone} />}
      <Loaded query={settings} what="Notification settings" retry loading={<ListSkeleton rows={4} />}>
        {(current) => <DigestSwitches current={current} />}
      </Loaded>
      {previewing && <DigestPreviewDialog onClose={() => setPreviewing(false)} />}
    </SettingsSection>
  );
}

function DigestSwitches({ current }: { current: NotificationSettings }) {
  const { save } = useSaveNotificationSettings();
  const toast = useToast();
  // What the switches show: moved in the click itself (the query's own update comes a tick later,
  // and a controlled checkbox would spring back meanwhile), then whatever the server answered.
  const [shown, setShown] = useState(current);
  useEffect(() => setShown(current), [current]);
  const set = (id: Setting, on: boolean, name: string) => {
    setShown((before) => ({ ...before, [id]: on }));
    save(
      { [id]: on },
      {
        onSuccess: () => toast({ message: `${name} ${on ? 'on' : 'off'}.` }),
        onError: (error) =>
          toast({ tone: 'error', message: `${name} was not changed: ${problemOf(error).message}` }),
      },
    );
  };
  return (
    <div className="panel notify-settings">
      <SwitchRow
        label="E-mail digests"
        explanation="Off: nothing is mailed to you. The bell still fills with what is due."
        checked={shown.email}
        onChange={(on) => set('email', on, 'E-mail digests')}
        master
      />
      <fieldset className="notify-settings__digests" disabled={!shown.email}>
        <legend className="sr-only">Which digests</legend>
        {DIGESTS.map((digest) => (
          <SwitchRow
            key={digest.id}
            label={digest.label}
            explanation={digest.explanation}
            checked={shown[digest.id]}
            onChange={(on) => set(digest.id, on, digest.name)}
          />
        ))}
        {!shown.email && (
          <p className="notify-settings__off muted">Turn on e-mail digests to choose which ones you get.</p>
        )}
      </fieldset>
    </div>
  );
}

interface SwitchRowProps {
  label: string;
  explanation: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  master?: boolean;
}

/** One setting: what it is and what it does, and its switch at the end; the whole row toggles it. */
function SwitchRow({ label, explanation, checked, onChange, master }: SwitchRowProps) {
  const labelId = useId();
  const explanationId = useId();
  return (
    <label className={master ? 'notify-setting notify-setting--master' : 'notify-setting'}>
      <span className="notify-setting__text">
        <span className="notify-setting__label" id={labelId}>
          {label}
        </span>
        <span className="notify-setting__explanation muted" id={explanationId}>
          {explanation}
        </span>
      </span>
      <span className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked}
          aria-labelledby={labelId}
          aria-describedby={explanationId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="switch__track" aria-hidden="true" />
      </span>
    </label>
  );
}
