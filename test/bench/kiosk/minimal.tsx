// The baseline for the kiosk bench: SurveyJS alone rendering the PHQ-9, nothing else.
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/survey-core.fontless.css';
import { Survey } from 'survey-react-ui';
import phq9 from '../../../instruments/phq9/1.0.0.json';
import { batteryToSurveyJson } from '../../../src/survey/toSurveyJson.ts';
import type { Instrument } from '../../../scoring/index.ts';

const model = new Model(batteryToSurveyJson([phq9 as unknown as Instrument], 'zh-CN', { layout: 'question' }));
const root = document.getElementById('root');
if (root) createRoot(root).render(<Survey model={model} />);
