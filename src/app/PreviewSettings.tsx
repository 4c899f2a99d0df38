import type { Instrument, Sex } from '../../scoring/index.ts';
import type { SurveyLayout } from '../survey/toSurveyJson.ts';
import type { AppText } from './i18n.ts';

export interface PreviewChoices {
  readonly grade: number;
  readonly sex: Sex;
  readonly layout: SurveyLayout;
}

interface Props {
  readonly def: Instrument;
  readonly value: PreviewChoices;
  readonly onChange: (next: PreviewChoices) => void;
  /** The layout cannot change once the survey is finished; grade and sex can, and re-score. */
  readonly finished: boolean;
  readonly text: AppText;
}

/** Who the preview student is (their norm group) and how the survey is laid out. */
export function PreviewSettings({ def, value, onChange, finished, text }: Props) {
  const grades = Array.from({ length: def.grades.max - def.grades.min + 1 }, (_, index) => def.grades.min + index);
  return (
    <div className="preview-settings">
      <label>{text.previewGrade}
        <select value={value.grade} onChange={(event) => onChange({ ...value, grade: Number(event.target.value) })}>
          {grades.map((grade) => <option key={grade} value={grade}>{text.gradeOption(grade)}</option>)}
        </select>
      </label>
      <label>{text.previewSex}
        <select value={value.sex} onChange={(event) => onChange({ ...value, sex: event.target.value === 'male' ? 'male' : 'female' })}>
          <option value="female">{text.sexes.female}</option>
          <option value="male">{text.sexes.male}</option>
        </select>
      </label>
      <label>{text.layout}
        <select value={value.layout} disabled={finished} onChange={(event) => onChange({ ...value, layout: event.target.value === 'question' ? 'question' : 'page' })}>
          <option value="page">{text.layouts.page}</option>
          <option value="question">{text.layouts.question}</option>
        </select>
      </label>
    </div>
  );
}
