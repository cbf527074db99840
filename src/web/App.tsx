import { Suspense } from 'react';
import { useMe, useSetupState } from './features/auth/session.ts';
import { AppHeader } from './features/shell/AppHeader.tsx';
import { BottomNav } from './features/shell/BottomNav.tsx';
import { PHONE_QUERY, useAppRoute } from './features/shell/home.ts';
import { SyncProblems } from './offline/SyncStatus.tsx';
import { FirstScreenGate } from './shared/first-screen.ts';
import { problemOf } from './shared/forms.ts';
import { lazyNamed } from './shared/lazy.ts';
import { useRoute } from './shared/navigation.ts';

// Pages other than the Week are loaded when first visited, so the Week page stays small; so are
// first-run setup and sign-in, which a signed-in person does not need.
const SetupPage = lazyNamed(() => import('./features/auth/SetupPage.tsx'), 'SetupPage');
const SignInPage = lazyNamed(() => import('./features/auth/SignInPage.tsx'), 'SignInPage');
const ImportPage = lazyNamed(() => import('./features/calendar/import/ImportPage.tsx'), 'ImportPage');
const ReviewPage = lazyNamed(() => import('./features/calendar/review/ReviewPage.tsx'), 'ReviewPage');
const SettingsPage = lazyNamed(() => import('./features/settings/SettingsPage.tsx'), 'SettingsPage');
const RulesPage = lazyNamed(() => import('./features/calendar/rules/RulesPage.tsx'), 'RulesPage');
const AccountsPage = lazyNamed(() => import('./features/accounts/AccountsPage.tsx'), 'AccountsPage');
const AccountPage = lazyNamed(() => import('./features/accounts/AccountPage.tsx'), 'AccountPage');

const ReflectionsPage = lazyNamed(
  () => import('./features/reflections/ReflectionsPage.tsx'),
  'ReflectionsPage',
);
const PlanPage = lazyNamed(() => import('./features/plan/PlanPage.tsx'), 'PlanPage');
// The Week too, so a phone's home (Today) loads without the board. The home page's chunk (the Week on
// a wide screen, Today on a phone) is fetched at once beside the entry's work rather than after
// sign-in, and shows without a fallback when the session is known.
const WeekPage = lazyNamed(() => import('./features/week/WeekPage.tsx'), 'WeekPage');
const TodayPage = lazyNamed(() => import('./features/plan/TodayPage.tsx'), 'TodayPage');
(window.matchMedia(PHONE_QUERY).matches ? TodayPage : WeekPage).preload();
const TeamPage = lazyNamed(() => import('./features/team/TeamPage.tsx'), 'TeamPage');
const RoundPage = lazyNamed(() => import('./features/scorecard/RoundPage.tsx'), 'RoundPage');
const RatePage = lazyNamed(() => import('./features/scorecard/RatePage.tsx'), 'RatePage');
const InvitePage = lazyNamed(() => import('./features/people/InvitePage.tsx'), 'InvitePage');
const ForgotPasswordPage = lazyNamed(
  () => import('./features/auth/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyNamed(
  () => import('./features/auth/ResetPasswordPage.tsx'),
  'ResetPasswordPage',
);
const DevicePage = lazyNamed(() => import('./features/people/DevicePage.tsx'), 'DevicePage');

const splash = <div className="splash" aria-busy="true" />;

export function App() {
  const route = useRoute();
  // Links that work without a session: a customer's rating form, an invitation, a password reset.
  const publicPage =
    route.page === 'rate' ? (
      <RatePage token={route.token} />
    ) : route.page === 'invite' ? (
      <InvitePage key={route.token} token={route.token} />
    ) : route.page === 'forgot' ? (
      <ForgotPasswordPage />
    ) : route.page === 'reset' ? (
      <ResetPasswordPage key={route.token} token={route.token} />
    ) : null;
  if (publicPage) return <Suspense fallback={splash}>{publicPage}</Suspense>;
  return <SignedInApp />;
}

function SignedInApp() {
  const setup = useSetupState();
  const me = useMe();
  const route = useAppRoute();

  if (setup.isPending || me.isPending) return splash;
  if (setup.isError || me.isError) {
    return (
      <main className="splash">
        <div className="splash__message" role="alert">
          <h1>Linchpin cannot load</h1>
          <p>{problemOf(setup.error ?? me.error).message}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (setup.data.needed || !me.data) {
    return (
      <Suspense fallback={splash}>
        {setup.data.needed ? (
          <SetupPage />
        ) : route.page === 'device' ? (
          <SignInPage intro="Sign in to approve the sign-in of a program, such as the linchpin command line." />
        ) : (
          <SignInPage />
        )}
      </Suspense>
    );
  }

  return (
    <>
      <AppHeader me={me.data} current={route} />
      <main className="page">
        <SyncProblems userId={me.data.id} />
        <Suspense fallback={<div className="page-skeleton" aria-busy="true" />}>
          {route.page === 'settings' ? (
            <SettingsPage me={me.data} section={route.section} />
          ) : route.page === 'device' ? (
            <DevicePage key={route.code ?? ''} code={route.code} me={me.data} />
          ) : route.page === 'import' ? (
            <ImportPage />
          ) : route.page === 'review' ? (
            <ReviewPage me={me.data} />
          ) : route.page === 'rules' ? (
            <RulesPage />
          ) : route.page === 'accounts' ? (
            route.id ? (
              <AccountPage key={route.id} accountId={route.id} decisionId={route.decision} me={me.data} />
            ) : (
              <AccountsPage me={me.data} />
            )
          ) : route.page === 'plan' ? (
            <PlanPage key={route.week ?? 'now'} me={me.data} week={route.week} />
          ) : route.page === 'team' ? (
            <TeamPage me={me.data} week={route.week} leaderId={route.leaderId} />
          ) : route.page === 'today' ? (
            <TodayPage me={me.data} />
          ) : route.page === 'reflections' ? (
            <ReflectionsPage />
          ) : route.page === 'scorecard' ? (
            <RoundPage key={route.id} roundId={route.id} me={me.data} />
          ) : (
            <WeekPage me={me.data} week={route.page === 'week' ? route.week : undefined} />
          )}
          <FirstScreenGate />
        </Suspense>
      </main>
      <BottomNav me={me.data} current={route} />
    </>
  );
}
