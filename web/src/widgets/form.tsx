// Form widget: a small form the person fills in and submits; checked here with the server's own answer rules.
import { isRecord } from '../../../server/dashboard/document-rules.ts';
import { createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { FORM_FIELD_TYPES, formAnswerProblems, type FormFieldRule } from '../../../server/dashboard/answer-rules.ts';
import type { WidgetView } from '../api/types';
import { AnswerLine } from '../components/answer-line';
import { list, need, optString, string } from '../../../server/dashboard/present/widget-fields.ts';
import { useFeedback } from '../state/dashboard-context';

interface Field extends FormFieldRule {
  label: string;
  placeholder?: string;
  default?: unknown;
}

/** What an input holds: text for most, a tick for a checkbox. */
type Raw = string | boolean;

function readFields(raw: unknown): Field[] {
  return list(raw, 'fields').map((f, i) => {
    need(isRecord(f), null, `field ${i + 1} must be an object with "name", "label" and "type"`);
    const field = f as Record<string, unknown>;
    const type = string(field.type, `fields[${i}].type`);
    need((FORM_FIELD_TYPES as readonly string[]).includes(type), null, `fields[${i}].type "${type}" is not one of ${FORM_FIELD_TYPES.join(', ')}`);
    const options = field.options === undefined ? undefined : list(field.options, `fields[${i}].options`).map((o) => string(o, `fields[${i}].options`));
    return {
      name: string(field.name, `fields[${i}].name`),
      label: string(field.label, `fields[${i}].label`),
      type,
      options,
      required: field.required === true,
      placeholder: optString(field.placeholder, `fields[${i}].placeholder`),
      default: field.default,
    };
  });
}

function initial(field: Field): Raw {
  if (field.type === 'checkbox') return field.default === true;
  return typeof field.default === 'string' || typeof field.default === 'number' ? String(field.default) : '';
}

/** The inputs as an answer: empty inputs are left out, numbers become numbers, a checkbox is always true or false. */
function answerValues(fields: readonly Field[], raw: (name: string) => Raw): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const field of fields) {
    const value = raw(field.name);
    if (field.type === 'checkbox') values[field.name] = value === true;
    else if (typeof value === 'string' && value.trim() !== '') {
      // A number input that does not parse stays text, so the check below says what is wrong with it.
      values[field.name] = field.type === 'number' && Number.isFinite(Number(value)) ? Number(value) : value;
    }
  }
  return values;
}

/** "Amount: 1200 · Region: EU": an answer as the page shows it back. */
function describeValues(fields: readonly Field[], values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${fields.find((f) => f.name === name)?.label ?? name}: ${typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)}`)
    .join(' · ');
}

export function FormWidget(props: { widget: WidgetView }): JSX.Element {
  const feedback = useFeedback();
  const id = (): string => props.widget.id;
  const fields = (): Field[] => readFields(props.widget.fields);
  const open = (): boolean => feedback?.open() ?? false;
  const [edits, setEdits] = createSignal<Readonly<Record<string, Raw>>>({});
  const [problems, setProblems] = createSignal<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = createSignal(false);
  // Until the person edits a field, it shows the last answer (after a reload too), else the field's default.
  const answered = (field: Field): Raw | undefined => {
    const values = feedback?.answer(id())?.data.values;
    if (values === null || typeof values !== 'object' || Array.isArray(values)) return undefined;
    const value = (values as Record<string, unknown>)[field.name];
    if (field.type === 'checkbox') return value === true;
    // An answer leaves empty fields out: they were empty.
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const raw = (name: string): Raw => {
    const field = fields().find((f) => f.name === name)!;
    return edits()[name] ?? answered(field) ?? initial(field);
  };
  const set = (name: string, value: Raw): void => {
    setEdits({ ...edits(), [name]: value });
  };
  const inputId = (field: Field): string => `${id()}-f-${field.name}`;

  const submit = async (): Promise<void> => {
    if (!feedback || busy()) return;
    const list = fields();
    const values = answerValues(list, raw);
    const found = Object.fromEntries(formAnswerProblems(list, values).map((p) => [p.field, p.message]));
    setProblems(found);
    const first = list.find((f) => found[f.name]);
    if (first) return void document.getElementById(inputId(first))?.focus();
    setBusy(true);
    await feedback.send({ kind: 'form', widget: id(), data: { values } }, describeValues(list, values));
    setBusy(false);
  };

  // A component, so that only attributes follow the signals: re-creating an input would lose what is typed in it.
  const Control = (p: { field: Field }): JSX.Element => {
    const field = p.field;
    const text = (): string => String(raw(field.name));
    // Getters: spread into an element, they stay live (Solid reads them in effects).
    const attrs = {
      id: inputId(field),
      name: field.name,
      'aria-required': (field.required && field.type !== 'checkbox') || undefined,
      get 'aria-invalid'(): true | undefined {
        return problems()[field.name] ? true : undefined;
      },
      get 'aria-describedby'(): string | undefined {
        return problems()[field.name] ? `${inputId(field)}-problem` : undefined;
      },
    };
    return (
      <Switch>
        <Match when={field.type === 'textarea'}>
          <textarea
            {...attrs}
            rows={3}
            placeholder={field.placeholder}
            value={text()}
            onInput={(e) => set(field.name, e.currentTarget.value)}
          />
        </Match>
        <Match when={field.type === 'select'}>
          <select
            {...attrs}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          >
            <option value="" selected={text() === ''}>{field.required ? 'Choose…' : '—'}</option>
            <For each={field.options ?? []}>{(option) => <option value={option} selected={text() === option}>{option}</option>}</For>
          </select>
        </Match>
        <Match when={field.type === 'checkbox'}>
          <input
            {...attrs}
            type="checkbox"
            checked={raw(field.name) === true}
            onChange={(e) => set(field.name, e.currentTarget.checked)}
          />
        </Match>
        <Match when={true}>
          <input
            {...attrs}
            type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}
            step={field.type === 'number' ? 'any' : undefined}
            placeholder={field.placeholder}
            value={text()}
            onInput={(e) => set(field.name, e.currentTarget.value)}
          />
        </Match>
      </Switch>
    );
  };

  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset disabled={!open() || busy()}>
        <legend class="visually-hidden">{props.widget.title ?? 'Form'}</legend>
        <For each={fields()}>
          {(field) => (
            <div class={`form-field form-${field.type}`}>
              <label for={inputId(field)}>
                {field.label}
                <Show when={field.required}>
                  <span class="form-required" aria-hidden="true"> *</span>
                </Show>
              </label>
              <Control field={field} />
              <Show when={problems()[field.name]}>
                {(message) => (
                  <p class="fb-error" id={`${inputId(field)}-problem`}>
                    {field.label} {message()}
                  </p>
                )}
              </Show>
            </div>
          )}
        </For>
        <button type="submit" class="button button-primary">{optString(props.widget.submitLabel, 'submitLabel') ?? 'Submit'}</button>
      </fieldset>
      <AnswerLine widgetId={id()} describe={(a) => describeValues(fields(), isRecord(a.data.values) ? a.data.values : {})} />
      <Show when={!open()}>
        <p class="fb-closed">Answers are closed on this dashboard.</p>
      </Show>
    </form>
  );
}
