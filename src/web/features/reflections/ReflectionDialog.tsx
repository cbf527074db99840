import { type FormEvent, useState } from 'react';
import { PROMPT_TEXT, REFLECTION_PROMPTS, type ReflectionPrompt } from '../../../core/reflections/prompts.ts';
import { Check, Field, FormError } from '../../shared/Field.tsx';
import { DialogFooter, FormDialog } from '../../shared/FormDialog.tsx';
import { problemOf } from '../../shared/forms.ts';
import { useToast } from '../../shared/Toasts.tsx';
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
  const toast = useToast();
  const [answers, setAnswers] = useState<Partial<Record<ReflectionPrompt, string>>>(reflection.answers);
  const [shared, setShared] = useState(reflection.sharedWithTeam);
  const [inHandover, setInHandover] = useState(reflection.inHandover);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const all = Object.fromEntries(REFLECTION_PROMPTS.map((p) => [p, answers[p] ?? '']));
    save.mutate(
      { answers: all, sharedWithTeam: shared, inHandover },
      {
        onSuccess: () => {
          toast({ message: `Reflection on ${week} saved.` });
          onClose();
        },
      },
    );
  };
  const problem = problemOf(save.error);
  return (
    <FormDialog
      titleId="reflection-dialog-title"
      title={`Reflection on ${week}`}
      className="dialog--wide"
      onSubmit={submit}
      onClose={onClose}
    >
      <FormError message={problem.message} />
      <p className="muted">Private to you unless you share it. Answer the prompts that speak to this week.</p>
      <div className="reflection-prompts">
        {REFLECTION_PROMPTS.map((prompt) => (
          <Field key={prompt} label={PROMPT_TEXT[prompt]} error={problem.fields[`answers.${prompt}`]}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={5000}
                value={answers[prompt] ?? ''}
                onChange={(e) => setAnswers({ ...answers, [prompt]: e.target.value })}
              />
            )}
          </Field>
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
      <DialogFooter onCancel={onClose} saving={save.isPending} saveLabel="Save reflection" />
    </FormDialog>
  );
}
