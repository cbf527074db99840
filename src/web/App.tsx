import { lazy, Suspense } from 'react';
import { useMe, useSetupState } from './features/auth/session.ts';
import { AppHeader } from './features/shell/AppHeader.tsx';
import { WeekPage } from './features/week/WeekPage.tsx';
import { problemOf } from './shared/forms.ts';
import { useRoute } from './shared/navigation.ts';

// Pages other than the Week are loaded when first visited, so the Week page stays small; so are
// first-run setup and sign-in, which a signed-in person does not need.
const SetupPage = lazy(() => import('./features/auth/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const SignInPage = lazy(() =>
  import('./features/auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })),
);
const ImportPage = lazy(() =>
  import('./features/calendar/import/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const ReviewPage = lazy(() =>
  import('./features/calendar/review/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
const RulesPage = lazy(() =>
  import('./features/calendar/rules/RulesPage.tsx').then((m) => ({ default: m.RulesPage })),
);
const AccountsPage = lazy(() =>
  import('./features/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
);
const AccountPage = lazy(() =>
  import('./features/accounts/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);

const ReflectionsPage = lazy(() =>
  import('./features/reflections/ReflectionsPage.tsx').then((m) => ({ default: m.ReflectionsPage })),
);
const PlanPage = lazy(() => import('./features/plan/PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
const TodayPage = lazy(() => import('./features/plan/TodayPage.tsx').then((m) => ({ default: m.TodayPage })));
const TeamPage = lazy(() => import('./features/team/TeamPage.tsx').then((m) => ({ default: m.TeamPage })));
const RoundPage = lazy(() =>
  import('./features/scorecard/RoundPage.tsx').then((m) => ({ default: m.RoundPage })),
);
const RatePage = lazy(() =>
  import('./features/scorecard/RatePage.tsx').then((m) => ({ default: m.RatePage })),
);
const InvitePage = lazy(() =>
  import('./features/people/InvitePage.tsx').then((m) => ({ default: m.InvitePage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./features/auth/ForgotPasswordPage.tsx').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./features/auth/ResetPasswordPage.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const DevicePage = lazy(() =>
  import('./features/people/DevicePage.tsx').then((m) => ({ default: m.DevicePage })),
);

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
  const route = useRoute();

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
            <TodayPage />
          ) : route.page === 'reflections' ? (
            <ReflectionsPage />
          ) : route.page === 'scorecard' ? (
            <RoundPage key={route.id} roundId={route.id} me={me.data} />
          ) : (
            <WeekPage me={me.data} week={route.page === 'week' ? route.week : undefined} />
          )}
        </Suspense>
      </main>
    </>
  );
}
