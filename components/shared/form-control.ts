/** Form association (ElementInternals) for BEC elements that are form controls, written once. */
import { property, state } from 'lit/decorators.js';
import { BecElement } from './base.js';
import { msg } from './i18n.js';

/** What the surrounding form should see of a control now: its problem (if any) and where to point the browser. */
export interface FormControlProblem {
  message: string;
  anchor?: HTMLElement;
}

/**
 * A BEC element that takes part in a surrounding `<form>` as a native control does: its value is in
 * the form's FormData under `name`; `required` makes an empty control fail the form's
 * `checkValidity()` (`valueMissing`); its own problems make it fail (`customError`); `disabled`
 * (or a disabled fieldset) takes it out of the form's data and validation; form reset clears it;
 * the browser restores a draft (back/forward, autofill). Each element says what its value, its
 * draft and its problems are; this class does the rest.
 */
export abstract class BecFormControl extends BecElement {
  static formAssociated = true;

  /** Form field name when form-associated. */
  @property({ reflect: true }) name = '';
  /** An empty control makes the surrounding form invalid (`valueMissing`). */
  @property({ type: Boolean, reflect: true }) required = false;
  /** No input, and no value in the surrounding form's data. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Disabled by an ancestor (a disabled fieldset); kept apart from `disabled` so that enabling the fieldset enables the control again. */
  @state() private disabledByForm = false;

  protected readonly internals: ElementInternals;

  /** Disabled by its own attribute or by a disabled fieldset: no input, no value, no validation. */
  protected get isDisabled(): boolean {
    return this.disabled || this.disabledByForm;
  }

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** Nothing typed yet. */
  abstract get isEmpty(): boolean;
  /** The value the surrounding form's data holds (when not empty). */
  protected abstract formValue(): string;
  /** What is typed now, for the browser to give back on restore. */
  protected abstract formDraft(): string;
  /** The first problem of what is typed, if any. */
  protected abstract formProblem(): FormControlProblem | null;
  /** Where a missing required value points the browser. */
  protected abstract requiredAnchor(): HTMLElement | undefined;
  /** Shows the problems in place (what `reportValidity()` does besides the browser's bubble). */
  protected abstract showFormProblems(): void;
  /** Clears what is typed. */
  abstract reset(): void;
  /** Puts back a draft from `formDraft()`. */
  protected abstract restoreDraft(draft: string): void | Promise<void>;

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.syncFormState();
  }

  /** The form this element belongs to, as for a native control. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** True when the value may be sent; else fires `invalid`, as a native control does. */
  checkValidity(): boolean {
    this.syncFormState();
    return this.internals.checkValidity();
  }
  /** As `checkValidity()`, and shows the problems in place, focusing the first. */
  reportValidity(): boolean {
    this.syncFormState();
    const valid = this.internals.reportValidity();
    if (!valid) this.showFormProblems();
    return valid;
  }

  /** The value in the surrounding form's data and the validity the form sees, from what is typed now. */
  protected syncFormState() {
    if (!this.hasUpdated) return;
    if (this.isDisabled || this.isEmpty) {
      this.internals.setFormValue(null, this.formDraft());
      if (this.required && !this.isDisabled)
        this.internals.setValidity({ valueMissing: true }, msg(this.locale, 'form.required'), this.requiredAnchor());
      else this.internals.setValidity({});
      return;
    }
    this.internals.setFormValue(this.formValue(), this.formDraft());
    const problem = this.formProblem();
    this.internals.setValidity(problem ? { customError: true } : {}, problem?.message ?? '', problem?.anchor);
  }

  formDisabledCallback(disabled: boolean) {
    this.disabledByForm = disabled;
  }
  formResetCallback() {
    this.reset();
  }
  /** The browser gives back a draft (back/forward navigation, autofill). */
  async formStateRestoreCallback(state: string | File | FormData | null) {
    if (typeof state === 'string') await this.restoreDraft(state);
  }
}
