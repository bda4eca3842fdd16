/** Pieces the account pages share. */

/** A form's one button. The kit's FormActions adds "cancel", and these forms have nowhere to go back to. */
export function SubmitActions(props: { label: string }) {
  return (
    <div class="form-actions">
      <button type="submit" class="button">
        {props.label}
      </button>
    </div>
  );
}
