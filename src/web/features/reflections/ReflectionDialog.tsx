import { useState } from 'react';
import { PROMPT_TEXT, REFLECTION_PROMPTS, type ReflectionPrompt } from '../../../core/reflections/prompts.ts';
import { Check, TextAreaField } from '../../shared/Field.tsx';
import { FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToastThen } from '../../shared/toast-then.ts';
import { type ReflectionView, useSaveReflection } from './reflection-queries.ts';

/** The legacy prompts for one week; answer any, share only if you choose. */
export function ReflectionDialog({
  week,
  reflection,
  onClose,
}: {
  week: string;
  reflection: ReflectionView;
  onClose: () => void;
}) {
  const save = useSaveReflection(week);
  const done = useToastThen(onClose);
  const [answers, setAnswers] = useState<Partial<Record<ReflectionPrompt, string>>>(reflection.answers);
  const [shared, setShared] = useState(reflection.sharedWithTeam);
  const [inHandover, setInHandover] = useState(reflection.inHandover);
  const submit = () => {
    const all = Object.fromEntries(REFLECTION_PROMPTS.map((p) => [p, answers[p] ?? '']));
    save.mutate(
      { answers: all, sharedWithTeam: shared, inHandover },
      {
        onSuccess: () => done(`Reflection on ${week} saved.`),
      },
    );
  };
  const problem = problemOf(save.error);
  return (
    <FormDialog
      title={`Reflection on ${week}`}
      className="dialog--wide"
      onSubmit={submit}
      onClose={onClose}
      sending={save}
      saveLabel="Save reflection"
      error={problem.message}
    >
      <p className="muted">Private to you unless you share it. Answer the prompts that speak to this week.</p>
      <div className="reflection-prompts">
        {REFLECTION_PROMPTS.map((prompt) => (
          <TextAreaField
            key={prompt}
            label={PROMPT_TEXT[prompt]}
            error={problem.fields[`answers.${prompt}`]}
            rows={2}
            maxLength={5000}
            value={answers[prompt] ?? ''}
            onChange={(text) => setAnswers({ ...answers, [prompt]: text })}
          />
        ))}
      </div>
      <div className="reflection-sharing">
        <Check label="Share with my team" checked={shared} onChange={setShared} />
        <Check
          label="May go into my accounts' handover packs"
          checked={inHandover}
          onChange={setInHandover}
        />
      </div>
    </FormDialog>
  );
}
