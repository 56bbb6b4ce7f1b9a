import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { campaignPalette, campaignPaletteNames } from '@amb/domain/campaigns';
import {
  campaignStatuses,
  campaignStatusNames,
  createCampaignBodySchema,
  type Campaign,
  type CampaignStatus,
} from '@amb/shared/campaigns';
import { FieldError } from '../../components/field-error';
import { applyApiErrors } from '../../lib/form-errors';
import { useAuthStore } from '../../app/auth-store';
import { useCreateCampaign, usePossibleOwners } from './api';

interface CampaignFormValues {
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  ownerId: string;
  colour: string;
  status: CampaignStatus;
}
const fields = ['name', 'goal', 'startDate', 'endDate', 'ownerId', 'colour', 'status'] as const;

/** Creating a campaign: checked with the API's own schema, and the API's field errors land on their fields. */
export function CreateCampaignForm({ onCreated }: { onCreated: (campaign: Campaign) => void }) {
  const id = useId();
  const meId = useAuthStore((s) => s.me?.user.id ?? '');
  const owners = usePossibleOwners();
  const create = useCreateCampaign();
  const form = useForm<CampaignFormValues>({
    defaultValues: { name: '', goal: '', startDate: '', endDate: '', ownerId: meId, colour: 'teal', status: 'PLANNED' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    const parsed = createCampaignBodySchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        form.setError(issue.path[0] as keyof CampaignFormValues, { message: issue.message });
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (campaign) => {
        form.reset();
        onCreated(campaign);
      },
      onError: (error) => {
        const message = applyApiErrors(error, form.setError, fields);
        if (message) form.setError('root', { message });
      },
    });
  });
  const field = (name: keyof CampaignFormValues) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  return (
    <form className="campaign-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New campaign</h2>
      <div className="campaign-form-grid">
        <div className="campaign-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input {...form.register('name')} {...field('name')} />
          <FieldError id={`${id}-name-error`} label="The name" error={errors.name} />
        </div>
        <div className="campaign-field">
          <label htmlFor={`${id}-ownerId`}>Owner</label>
          <select {...form.register('ownerId')} {...field('ownerId')}>
            {owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-ownerId-error`} label="The owner" error={errors.ownerId} />
        </div>
        <div className="campaign-field">
          <label htmlFor={`${id}-startDate`}>Starts</label>
          <input type="date" {...form.register('startDate')} {...field('startDate')} />
          <FieldError id={`${id}-startDate-error`} label="The start date" error={errors.startDate} />
        </div>
        <div className="campaign-field">
          <label htmlFor={`${id}-endDate`}>Ends</label>
          <input type="date" {...form.register('endDate')} {...field('endDate')} />
          <FieldError id={`${id}-endDate-error`} label="The end date" error={errors.endDate} />
        </div>
        <div className="campaign-field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select {...form.register('status')} {...field('status')}>
            {campaignStatuses.map((s) => (
              <option key={s} value={s}>
                {campaignStatusNames[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="campaign-field campaign-goal-field">
          <label htmlFor={`${id}-goal`}>Goal</label>
          <textarea rows={2} {...form.register('goal')} {...field('goal')} />
          <FieldError id={`${id}-goal-error`} label="The goal" error={errors.goal} />
        </div>
      </div>
      <fieldset className="campaign-colours">
        <legend>Colour</legend>
        {campaignPaletteNames.map((name) => (
          <label key={name} className="campaign-colour">
            <input type="radio" value={name} {...form.register('colour')} />
            <span className="campaign-swatch" style={{ background: campaignPalette[name] }} aria-hidden="true" />
            {name}
          </label>
        ))}
        <FieldError id={`${id}-colour-error`} label="The colour" error={errors.colour} />
      </fieldset>
      {errors.root && (
        <p role="alert" className="form-error">
          {errors.root.message}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        Create campaign
      </button>
    </form>
  );
}
