import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ConfirmButton } from '../../shared/ConfirmDialog.tsx';
import { ListSkeleton, Loaded } from '../../shared/Loaded.tsx';
import { Panel } from '../../shared/Panel.tsx';
import { useRefreshingMutation } from '../../shared/query-client.ts';
import { SecretField } from '../../shared/SecretField.tsx';
import { SettingsSection } from '../../shared/SettingsSection.tsx';

const FEED_KEY = ['calendar-feed'] as const;

/** Your feed's address (the server makes it the first time it is asked for). */
export function useCalendarFeed() {
  return useQuery({ queryKey: FEED_KEY, queryFn: () => api.GET('/me/feed') });
}

/** A new address; the answer replaces the old one in place. */
export function useRotateCalendarFeed() {
  return useRefreshingMutation(
    () => api.POST('/me/feed/rotate'),
    (queryClient, feed) => queryClient.setQueryData(FEED_KEY, feed),
  );
}

/** The same address for calendar apps: webcal:// opens the subscribe dialog of the one installed. */
export const webcalOf = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

const IN_IT = [
  'The actions scheduled on your plan, from 4 weeks back to 26 weeks ahead (done ones ticked ✓)',
  'Review-by dates of decisions in force on the accounts you look after',
  'Follow-up dates you set for your time drains',
];

const HOW_TO = [
  {
    app: 'Outlook',
    steps: 'Add calendar → Subscribe from web (on the web) or From internet (Windows), paste it',
  },
  { app: 'Google Calendar', steps: 'Other calendars → + → From URL, paste it' },
  { app: 'Apple Calendar', steps: 'File → New Calendar Subscription, or “Open in calendar app” above' },
];

/** Settings → Calendar feed: a secret address of your dates for Outlook, Google or Apple Calendar. */
export function CalendarFeedSection() {
  const feed = useCalendarFeed();
  return (
    <SettingsSection
      title="Calendar feed"
      intro="Your plan actions, review dates and follow-ups in the calendar you already use. Subscribe once; changes show up when your calendar refreshes."
    >
      <Loaded query={feed} what="Your calendar feed" retry loading={<ListSkeleton rows={3} />}>
        {({ url }) => <FeedContent url={url} />}
      </Loaded>
    </SettingsSection>
  );
}

function FeedContent({ url }: { url: string }) {
  const rotate = useRotateCalendarFeed();
  return (
    <>
      <Panel title="Your feed address" testId="calendar-feed">
        <div className="stack">
          <SecretField label="Calendar feed address" value={url} testId="calendar-feed-url">
            Keep it to yourself: anyone with this address can read these dates, without signing in.
          </SecretField>
          <div>
            <a className="button button--primary" href={webcalOf(url)} data-testid="calendar-feed-webcal">
              Open in calendar app
            </a>
          </div>
          <ul className="never-shown" aria-label="How to add it">
            {HOW_TO.map(({ app, steps }) => (
              <li key={app}>
                <strong>{app}:</strong> {steps}.
              </li>
            ))}
          </ul>
          <p className="muted small">
            Calendars fetch it on their own schedule, about hourly (Google Calendar can take several hours).
            Google and Outlook on the web fetch it from their servers, so it works only if Linchpin is
            reachable from the internet.
          </p>
        </div>
      </Panel>

      <Panel title="What is in it" testId="calendar-feed-contents">
        <ul className="never-shown">
          {IN_IT.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="muted">
          Titles and dates only: never activity notes, decision texts or anything of other people.
        </p>
      </Panel>

      <Panel title="Address leaked?" testId="calendar-feed-rotate">
        <p className="muted">
          A new address stops the current one at once. Calendars subscribed to it stop updating: subscribe
          them to the new one.
        </p>
        <div>
          <ConfirmButton
            className="button button--danger"
            title="Get a new address?"
            explanation={
              <p>
                The current address stops working right away, in every calendar subscribed to it. You will
                need to subscribe again with the new one.
              </p>
            }
            confirmLabel="Get a new address"
            busyLabel="Getting…"
            mutation={rotate}
            variables={undefined}
            done="New address ready. Subscribe your calendars to it again."
            failed={(reason) => reason ?? 'No new address: try again.'}
          >
            Get a new address
          </ConfirmButton>
        </div>
      </Panel>
    </>
  );
}
