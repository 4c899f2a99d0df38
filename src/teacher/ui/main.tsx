import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'survey-core/survey-core.fontless.css';
import '../../survey/survey-fonts.css';
import '../../app/app.css';
import './teacher.css';
import { TeacherApp } from './TeacherApp.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('teacher.html must contain #root');
createRoot(root).render(<StrictMode><TeacherApp /></StrictMode>);
