// Choice widget: the person picks one option (or ticks several), then presses the submit button; a widget that says
// `submitOnSelect` sends a single choice on the click. The controls show the last answer, after a reload too.
import { isRecord } from '../../../server/dashboard/document-rules.ts';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { choiceAnswerProblem } from '../../../server/dashboard/answer-rules.ts';
import type { WidgetView } from '../api/types';
import { AnswerLine } from '../components/answer-line';
import { list, need, optString, string } from '../../../server/dashboard/present/widget-fields.ts';
import { useFeedback } from '../state/dashboard-context';

interface Option {
  id: string;
  label: string;
  description?: string;
}

function readOptions(raw: unknown): Option[] {
  return list(raw, 'options').map((o, i) => {
    need(isRecord(o), null, `option ${i + 1} must be an object with "id" and "label"`);
    const option = o as Record<string, unknown>;
    return { id: string(option.id, `options[${i}].id`), label: string(option.label, `options[${i}].label`), description: optString(option.description, `options[${i}].description`) };
  });
}

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1) + '.';

export function ChoiceWidget(props: { widget: WidgetView }): JSX.Element {
  const feedback = useFeedback();
  const id = (): string => props.widget.id;
  const options = (): Option[] => readOptions(props.widget.options);
  const multiple = (): boolean => props.widget.multiple === true;
  const prompt = (): string | undefined => optString(props.widget.prompt, 'prompt');
  const open = (): boolean => feedback?.open() ?? false;
  const instant = (): boolean => !multiple() && props.widget.submitOnSelect === true;
  // What the person is picking now; until they touch the controls, they show the last answer (from the server).
  const [picked, setPicked] = createSignal<ReadonlySet<string> | undefined>();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const answered = (): ReadonlySet<string> => {
    const selected = feedback?.answer(id())?.data.selected;
    return new Set(Array.isArray(selected) ? (selected as string[]) : []);
  };
  const labelOf = (optionId: string): string => options().find((o) => o.id === optionId)?.label ?? optionId;
  const selection = (): ReadonlySet<string> => picked() ?? answered();

  const send = async (selected: string[]): Promise<void> => {
    if (!feedback || busy()) return;
    const wrong = choiceAnswerProblem({ options: options(), multiple: multiple() }, selected);
    if (wrong) return void setProblem(sentence(wrong));
    setProblem(undefined);
    setBusy(true);
    const outcome = await feedback.send({ kind: 'choice', widget: id(), data: { selected } }, selected.map(labelOf).join(', '));
    // Sent: the controls follow the answers again (this one, or a later one from another browser).
    if (outcome.ok) setPicked(undefined);
    setBusy(false);
  };

  const toggle = (optionId: string, on: boolean): void => {
    const next = new Set(multiple() ? selection() : []);
    if (on) next.add(optionId);
    else next.delete(optionId);
    setPicked(next);
  };

  const groupLabel = (): string => prompt() ?? props.widget.title ?? 'Options';
  const submitText = (): string => optString(props.widget.submitLabel, 'submitLabel') ?? 'Submit';
  return (
    <div class="choice">
      <Show when={prompt()}>{(p) => <p class="choice-prompt">{p()}</p>}</Show>
      <Show
        when={multiple()}
        fallback={
          <>
          <div class="choice-options" role="group" aria-label={groupLabel()}>
            <For each={options()}>
              {(option) => (
                <button
                  type="button"
                  class="choice-option"
                  aria-label={option.label}
                  aria-describedby={option.description ? `${id()}-opt-${option.id}` : undefined}
                  aria-pressed={selection().has(option.id)}
                  disabled={!open() || busy()}
                  onClick={() => (instant() ? void send([option.id]) : toggle(option.id, true))}
                >
                  <span class="choice-label">{option.label}</span>
                  <Show when={option.description}>
                    {(d) => <span class="choice-desc" id={`${id()}-opt-${option.id}`}>{d()}</span>}
                  </Show>
                </button>
              )}
            </For>
          </div>
          <Show when={!instant()}>
            <button type="button" class="button button-primary choice-submit" disabled={!open() || busy()} onClick={() => void send([...selection()])}>
              {submitText()}
            </button>
          </Show>
          </>
        }
      >
        <form
          class="choice-many"
          onSubmit={(e) => {
            e.preventDefault();
            void send(options().filter((o) => selection().has(o.id)).map((o) => o.id));
          }}
        >
          <fieldset disabled={!open() || busy()}>
            <legend class="visually-hidden">{groupLabel()}</legend>
            <For each={options()}>
              {(option) => (
                <label class="choice-check">
                  <input type="checkbox" checked={selection().has(option.id)} onChange={(e) => toggle(option.id, e.currentTarget.checked)} />
                  <span class="choice-label">{option.label}</span>
                  <Show when={option.description}>{(d) => <span class="choice-desc">{d()}</span>}</Show>
                </label>
              )}
            </For>
            <button type="submit" class="button button-primary">{submitText()}</button>
          </fieldset>
        </form>
      </Show>
      <Show when={problem()}>{(p) => <p class="fb-error" role="alert">{p()}</p>}</Show>
      <AnswerLine widgetId={id()} describe={(a) => (Array.isArray(a.data.selected) ? (a.data.selected as string[]).map(labelOf).join(', ') : '')} />
      <Show when={!open()}>
        <p class="fb-closed">Answers are closed on this dashboard.</p>
      </Show>
    </div>
  );
}
