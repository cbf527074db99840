import type { DateOrder } from './values.ts';

/** The languages whose Toggl Track and Clockify exports are read, beside English. */
export type ExportLanguage = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'ja';

/**
 * Toggl's and Clockify's column names in the languages their exports come in, by the English name
 * the readers use. Several spellings per language where the two tools (or their versions) differ.
 */
const HEADERS: Record<string, Partial<Record<Exclude<ExportLanguage, 'en'>, string[]>>> = {
  Description: {
    de: ['Beschreibung'],
    fr: ['Description'],
    es: ['Descripción'],
    nl: ['Beschrijving', 'Omschrijving'],
    ja: ['説明'],
  },
  Project: { de: ['Projekt'], fr: ['Projet'], es: ['Proyecto'], nl: ['Project'], ja: ['プロジェクト'] },
  Client: { de: ['Kunde'], fr: ['Client'], es: ['Cliente'], nl: ['Klant'], ja: ['クライアント', '顧客'] },
  Task: { de: ['Aufgabe'], fr: ['Tâche'], es: ['Tarea'], nl: ['Taak'], ja: ['タスク'] },
  User: {
    de: ['Benutzer', 'Mitglied'],
    fr: ['Utilisateur', 'Membre'],
    es: ['Usuario', 'Miembro'],
    nl: ['Gebruiker', 'Lid'],
    ja: ['ユーザー', 'メンバー'],
  },
  Email: {
    de: ['E-Mail'],
    fr: ['E-mail', 'Courriel'],
    es: ['Correo electrónico', 'Correo'],
    nl: ['E-mail'],
    ja: ['メール', 'メールアドレス'],
  },
  Tags: {
    de: ['Tags', 'Schlagwörter'],
    fr: ['Étiquettes', 'Tags'],
    es: ['Etiquetas'],
    nl: ['Tags', 'Labels'],
    ja: ['タグ'],
  },
  Billable: {
    de: ['Abrechenbar'],
    fr: ['Facturable'],
    es: ['Facturable'],
    nl: ['Factureerbaar', 'Declarabel'],
    ja: ['請求可能'],
  },
  'Start date': {
    de: ['Startdatum'],
    fr: ['Date de début'],
    es: ['Fecha de inicio'],
    nl: ['Startdatum'],
    ja: ['開始日'],
  },
  'Start time': {
    de: ['Startzeit'],
    fr: ['Heure de début'],
    es: ['Hora de inicio'],
    nl: ['Starttijd'],
    ja: ['開始時間', '開始時刻'],
  },
  'End date': {
    de: ['Enddatum'],
    fr: ['Date de fin'],
    es: ['Fecha de fin', 'Fecha de finalización'],
    nl: ['Einddatum'],
    ja: ['終了日'],
  },
  'End time': {
    de: ['Endzeit'],
    fr: ['Heure de fin'],
    es: ['Hora de fin', 'Hora de finalización'],
    nl: ['Eindtijd'],
    ja: ['終了時間', '終了時刻'],
  },
  Duration: { de: ['Dauer'], fr: ['Durée'], es: ['Duración'], nl: ['Duur'], ja: ['期間', '時間'] },
  'Duration (h)': {
    de: ['Dauer (h)'],
    fr: ['Durée (h)'],
    es: ['Duración (h)'],
    nl: ['Duur (u)', 'Duur (h)'],
    ja: ['期間 (h)', '時間 (h)'],
  },
  'Duration (decimal)': {
    de: ['Dauer (dezimal)'],
    fr: ['Durée (décimale)', 'Durée (décimal)'],
    es: ['Duración (decimal)'],
    nl: ['Duur (decimaal)'],
    ja: ['期間 (10進数)', '時間 (10進数)'],
  },
  'Billable Rate': {
    de: ['Abrechenbarer Satz'],
    fr: ['Taux facturable'],
    es: ['Tarifa facturable'],
    nl: ['Factureerbaar tarief'],
    ja: ['請求レート'],
  },
};

const norm = (label: string) => label.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
// "Billable Rate (EUR)", "Abrechenbarer Satz (EUR)": the currency is not part of the name.
const CURRENCY = /\s*\([A-Z]{3}\)$/;

const ENGLISH = new Map<string, { english: string; language: Exclude<ExportLanguage, 'en'> }>();
for (const [english, languages] of Object.entries(HEADERS)) {
  for (const [language, labels] of Object.entries(languages)) {
    for (const label of labels ?? []) {
      const key = norm(label);
      // A word that is also English ("Description", "Project") says nothing of the language.
      if (key !== norm(english) && !ENGLISH.has(key)) {
        ENGLISH.set(key, { english, language: language as Exclude<ExportLanguage, 'en'> });
      }
    }
  }
}

/**
 * A header row in English: each localised Toggl or Clockify column name replaced by the English one
 * (anything else kept as written), and the language the names were in.
 */
export function englishHeader(labels: string[]): { labels: string[]; language: ExportLanguage } {
  const votes = new Map<ExportLanguage, number>();
  const english = labels.map((label) => {
    const currency = CURRENCY.exec(label.trim())?.[0] ?? '';
    const found = ENGLISH.get(norm(label)) ?? ENGLISH.get(norm(label.trim().replace(CURRENCY, '')));
    if (!found) return label;
    votes.set(found.language, (votes.get(found.language) ?? 0) + 1);
    return `${found.english}${currency}`;
  });
  const [language = 'en'] = [...votes.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  return { labels: english, language };
}

/** How the language's users write 03/04/2026: day first in Europe; Japan writes year first anyway. */
export const dateOrderOf = (language: ExportLanguage): DateOrder | undefined =>
  language === 'en' ? undefined : 'dmy';
