import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ok, typedApi } from '../../api/client';
import type { components } from '../../api/schema';
import type { LessonContent, LessonType } from '../../api/types';
import { useI18n } from '../../i18n';
import { LessonUpload, PackageUpload } from './lesson-upload';
import { useAction, useLoad } from '../../ui/hooks';
import { ErrorBox, Field, FormError, Loading, PageTitle } from '../../ui/kit';
import { maxLength, minLength, numberRange, required, useFieldChecks } from '../../forms/checks';

type CourseBody = components['schemas']['CourseContentDto'];

interface LessonDraft {
  title: string;
  type: LessonType;
  minutes: string;
  required: boolean;
  contentUrl: string;
  content: LessonContent | null;
  /** cmi5 and SCORM lessons: the imported package's id, and its title when imported in this form. */
  contentPackageId: string | null;
  packageTitle: string;
  startsAt: string;
  endsAt: string;
  venue: string;
}

/** The attention-check settings as the form holds them (numbers as typed). */
interface AttentionDraft {
  on: boolean;
  minMinutes: string;
  maxMinutes: string;
  timeoutSeconds: string;
  fromBank: boolean;
}
const NO_ATTENTION: AttentionDraft = { on: false, minMinutes: '10', maxMinutes: '20', timeoutSeconds: '60', fromBank: false };

const emptyLesson = (): LessonDraft => ({
  title: '',
  type: 'video',
  minutes: '45',
  required: true,
  contentUrl: '',
  content: null,
  contentPackageId: null,
  packageTitle: '',
  startsAt: '',
  endsAt: '',
  venue: '',
});
const EMPTY = {
  title: '',
  description: '',
  category: '1',
  topicCodes: [] as string[],
  kind: 'appointment',
  creditHours: '',
  deliveryMode: 'online',
  capacity: '',
  enrollmentOpensAt: '',
  enrollmentClosesAt: '',
  completionShare: '0.90',
  finalExamPaperId: '',
};

// <input type="datetime-local"> speaks local time without a zone; the API wants ISO 8601 instants.
const toLocalInput = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '';
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

/** Create a course, edit a draft, or start a new version from a published one. */
export function CourseFormPage() {
  const { versionId } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const topics = useLoad(() => ok(typedApi.GET('/topics')), []);
  const papers = useLoad(
    () => ok(typedApi.GET('/exam-papers', { params: { query: { kind: 'course_exam', status: 'published', pageSize: 100 } } })),
    [],
  );
  const existing = useLoad(
    () => (versionId ? ok(typedApi.GET('/course-versions/{versionId}', { params: { path: { versionId } } })) : Promise.resolve(null)),
    [versionId],
  );
  const [form, setForm] = useState(EMPTY);
  const [lessons, setLessons] = useState<LessonDraft[]>([emptyLesson()]);
  const [attention, setAttention] = useState<AttentionDraft>(NO_ATTENTION);
  const save = useAction();
  // The rules the browser can know before sending (the API words them the same way, from the same labels).
  const checks = useFieldChecks({
    title: { value: form.title, checks: [required(), minLength(2), maxLength(200)], label: t('org.courseTitle') },
    description: { value: form.description, checks: [required(), maxLength(5000)], label: t('org.description') },
    creditHours: { value: form.creditHours, checks: [required(), numberRange(0.5, 999)], label: t('course.creditHours') },
  });

  useEffect(() => {
    const v = existing.data;
    if (!v) return;
    setForm({
      title: v.title,
      description: v.description,
      category: String(v.category),
      topicCodes: v.topics.map((tp) => tp.code),
      kind: v.kind,
      creditHours: v.creditHours,
      deliveryMode: v.deliveryMode,
      capacity: v.capacity === null ? '' : String(v.capacity),
      enrollmentOpensAt: toLocalInput(v.enrollmentOpensAt),
      enrollmentClosesAt: toLocalInput(v.enrollmentClosesAt),
      completionShare: v.completionShare,
      finalExamPaperId: v.finalExamPaperId ?? '',
    });
    const a = v.attentionChecks;
    // Kept as they are when the version is edited here (leaving them out would switch them off).
    setAttention(
      a
        ? {
            on: true,
            minMinutes: String(a.minMinutes),
            maxMinutes: String(a.maxMinutes),
            timeoutSeconds: String(a.timeoutSeconds),
            fromBank: a.fromBank,
          }
        : NO_ATTENTION,
    );
    setLessons(
      v.lessons.map((l) => ({
        title: l.title,
        type: l.type,
        minutes: String(l.minutes),
        required: l.required,
        contentUrl: l.contentUrl ?? '',
        content: l.content,
        contentPackageId: l.contentPackageId,
        packageTitle: '',
        startsAt: toLocalInput(l.startsAt),
        endsAt: toLocalInput(l.endsAt),
        venue: l.venue ?? '',
      })),
    );
  }, [existing.data]);

  const editable = !existing.data || existing.data.status === 'draft' || existing.data.status === 'returned';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!checks.validate()) return;
    const body: CourseBody = {
      title: form.title,
      description: form.description,
      category: Number(form.category) as CourseBody['category'],
      topicCodes: form.topicCodes,
      kind: form.category === '2' ? 'continuing' : (form.kind as CourseBody['kind']),
      creditHours: form.creditHours,
      deliveryMode: form.deliveryMode as CourseBody['deliveryMode'],
      capacity: form.capacity ? Number(form.capacity) : null,
      enrollmentOpensAt: fromLocalInput(form.enrollmentOpensAt),
      enrollmentClosesAt: fromLocalInput(form.enrollmentClosesAt),
      completionShare: form.completionShare,
      finalExamPaperId: form.finalExamPaperId || null,
      attentionChecks: attention.on
        ? {
            minMinutes: Number(attention.minMinutes),
            maxMinutes: Number(attention.maxMinutes),
            timeoutSeconds: Number(attention.timeoutSeconds),
            fromBank: attention.fromBank,
          }
        : null,
      lessons: lessons.map((l) => ({
        title: l.title,
        type: l.type,
        minutes: Number(l.minutes),
        required: l.required,
        contentUrl: l.contentUrl || null,
        contentFileId: l.type === 'live_session' || l.type === 'cmi5' || l.type === 'scorm' ? null : (l.content?.id ?? null),
        contentPackageId: l.type === 'cmi5' || l.type === 'scorm' ? l.contentPackageId : null,
        startsAt: l.type === 'live_session' ? fromLocalInput(l.startsAt) : null,
        endsAt: l.type === 'live_session' ? fromLocalInput(l.endsAt) : null,
        venue: l.type === 'live_session' ? l.venue || null : null,
      })),
    };
    const v = existing.data;
    const saved = await save.run(() =>
      !v
        ? ok(typedApi.POST('/courses', { body }))
        : editable
          ? ok(typedApi.PATCH('/course-versions/{versionId}', { params: { path: { versionId: v.id } }, body }))
          : ok(typedApi.POST('/courses/{courseId}/versions', { params: { path: { courseId: v.courseId } }, body })),
    );
    if (saved) navigate(`/org/versions/${saved.id}`);
  };

  if (existing.error) return <ErrorBox error={existing.error} />;
  if (versionId && !existing.data) return <Loading />;
  const fe = (f: string) => checks.error(f) ?? save.error?.fieldMessage(f);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const setLesson = (i: number, patch: Partial<LessonDraft>) => setLessons(lessons.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const topicChoices = (topics.data ?? []).filter((tp) => String(tp.category) === form.category);
  const title = !existing.data
    ? t('org.newCourse')
    : editable
      ? t('org.editCourse', { v: existing.data.version })
      : t('org.newVersionOf', { title: existing.data.title });

  return (
    <>
      <PageTitle title={title} back={existing.data ? `/org/versions/${existing.data.id}` : '/org/courses'} />
      <form className="card" onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label={t('org.courseTitle')} error={fe('title')} wide>
            {(id, d) => <input id={id} aria-describedby={d} value={form.title} onChange={set('title')} onBlur={checks.blur('title')} />}
          </Field>
          <Field label={t('org.description')} error={fe('description')} wide>
            {(id, d) => (
              <textarea
                id={id}
                aria-describedby={d}
                value={form.description}
                onChange={set('description')}
                onBlur={checks.blur('description')}
              />
            )}
          </Field>
          <Field label={t('course.category')} error={fe('category')}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={form.category}
                onChange={(e) =>
                  setForm({ ...form, category: e.target.value, topicCodes: [], kind: e.target.value === '2' ? 'continuing' : form.kind })
                }
              >
                <option value="1">{t('category.1')}</option>
                <option value="2">{t('category.2')}</option>
              </select>
            )}
          </Field>
          <Field label={t('course.kind')} error={fe('kind')} hint={form.category === '2' ? t('org.category2Continuing') : undefined}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={form.category === '2' ? 'continuing' : form.kind}
                disabled={form.category === '2'}
                onChange={set('kind')}
              >
                <option value="appointment">{t('kind.appointment')}</option>
                <option value="continuing">{t('kind.continuing')}</option>
              </select>
            )}
          </Field>
          <fieldset className={`field field-wide checks${fe('topicCodes') ? ' field-invalid' : ''}`}>
            <legend>{t('course.topics')}</legend>
            <div className="check-grid">
              {topicChoices.map((tp) => (
                <label key={tp.code} className="radio">
                  <input
                    type="checkbox"
                    checked={form.topicCodes.includes(tp.code)}
                    onChange={(e) =>
                      setForm({
                        ...form,
                        topicCodes: e.target.checked ? [...form.topicCodes, tp.code] : form.topicCodes.filter((c) => c !== tp.code),
                      })
                    }
                  />{' '}
                  {tp.name}
                </label>
              ))}
            </div>
            {fe('topicCodes') && (
              <small className="field-error" role="alert">
                {fe('topicCodes')}
              </small>
            )}
          </fieldset>
          <Field label={t('course.creditHours')} hint={t('org.hoursHint')} error={fe('creditHours')}>
            {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" value={form.creditHours} onChange={set('creditHours')} />}
          </Field>
          <Field label={t('course.deliveryMode')} error={fe('deliveryMode')}>
            {(id, d) => (
              <select id={id} aria-describedby={d} value={form.deliveryMode} onChange={set('deliveryMode')}>
                {['online', 'in_person', 'blended'].map((m) => (
                  <option key={m} value={m}>
                    {label('mode.', m)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('org.capacity')} hint={t('org.capacityHint')} error={fe('capacity')}>
            {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} value={form.capacity} onChange={set('capacity')} />}
          </Field>
          <Field label={t('org.completionShare')} hint={t('org.completionShareHint')} error={fe('completionShare')}>
            {(id, d) => (
              <input id={id} aria-describedby={d} inputMode="decimal" value={form.completionShare} onChange={set('completionShare')} />
            )}
          </Field>
          <Field label={t('org.opensAt')} error={fe('enrollmentOpensAt')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                type="datetime-local"
                value={form.enrollmentOpensAt}
                onChange={set('enrollmentOpensAt')}
              />
            )}
          </Field>
          <Field label={t('org.closesAt')} error={fe('enrollmentClosesAt')}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                type="datetime-local"
                value={form.enrollmentClosesAt}
                onChange={set('enrollmentClosesAt')}
              />
            )}
          </Field>
          <Field label={t('course.finalExam')} hint={t('org.finalExamHint')} error={fe('finalExamPaperId')} wide>
            {(id, d) => (
              <select id={id} aria-describedby={d} value={form.finalExamPaperId} onChange={set('finalExamPaperId')}>
                <option value="">{t('org.noExam')}</option>
                {(papers.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="lesson-edit" data-testid="attention-settings">
          <legend>{t('org.attention')}</legend>
          <div className="form-grid">
            <div className="field field-check field-wide">
              <input
                id="attention-on"
                type="checkbox"
                checked={attention.on}
                onChange={(e) => setAttention({ ...attention, on: e.target.checked })}
              />
              <label htmlFor="attention-on">{t('org.attentionOn')}</label>
            </div>
            {attention.on && (
              <>
                <Field label={t('org.attentionMin')} error={fe('attentionChecks.minMinutes')}>
                  {(id, d) => (
                    <input
                      id={id}
                      aria-describedby={d}
                      type="number"
                      min={1}
                      max={600}
                      value={attention.minMinutes}
                      onChange={(e) => setAttention({ ...attention, minMinutes: e.target.value })}
                    />
                  )}
                </Field>
                <Field label={t('org.attentionMax')} error={fe('attentionChecks.maxMinutes')}>
                  {(id, d) => (
                    <input
                      id={id}
                      aria-describedby={d}
                      type="number"
                      min={1}
                      max={600}
                      value={attention.maxMinutes}
                      onChange={(e) => setAttention({ ...attention, maxMinutes: e.target.value })}
                    />
                  )}
                </Field>
                <Field label={t('org.attentionTimeout')} hint={t('org.attentionTimeoutHint')} error={fe('attentionChecks.timeoutSeconds')}>
                  {(id, d) => (
                    <input
                      id={id}
                      aria-describedby={d}
                      type="number"
                      min={10}
                      max={600}
                      value={attention.timeoutSeconds}
                      onChange={(e) => setAttention({ ...attention, timeoutSeconds: e.target.value })}
                    />
                  )}
                </Field>
                <div className="field field-check field-wide">
                  <input
                    id="attention-bank"
                    type="checkbox"
                    checked={attention.fromBank}
                    onChange={(e) => setAttention({ ...attention, fromBank: e.target.checked })}
                  />
                  <label htmlFor="attention-bank">{t('org.attentionFromBank')}</label>
                </div>
              </>
            )}
          </div>
        </fieldset>
        <h2 className="spaced">{t('course.lessons')}</h2>
        {fe('lessons') && !lessons.some((_, i) => fe(`lessons[${i}]`)) && <p className="field-error">{fe('lessons')}</p>}
        {lessons.map((l, i) => (
          <fieldset key={i} className="lesson-edit">
            <legend>{t('org.lessonN', { n: i + 1 })}</legend>
            <div className="form-grid">
              <Field label={t('org.lessonTitle')} error={fe(`lessons[${i}].title`)} wide>
                {(id, d) => (
                  <input id={id} aria-describedby={d} value={l.title} onChange={(e) => setLesson(i, { title: e.target.value })} />
                )}
              </Field>
              <Field label={t('org.lessonType')} error={fe(`lessons[${i}].type`)}>
                {(id, d) => (
                  <select
                    id={id}
                    aria-describedby={d}
                    value={l.type}
                    onChange={(e) => setLesson(i, { type: e.target.value as LessonType })}
                  >
                    {['video', 'document', 'live_session', 'cmi5', 'scorm'].map((x) => (
                      <option key={x} value={x}>
                        {label('lessonType.', x)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('org.minutes')} error={fe(`lessons[${i}].minutes`)}>
                {(id, d) => (
                  <input
                    id={id}
                    aria-describedby={d}
                    type="number"
                    min={1}
                    value={l.minutes}
                    onChange={(e) => setLesson(i, { minutes: e.target.value })}
                  />
                )}
              </Field>
              {l.type === 'cmi5' || l.type === 'scorm' ? (
                <Field
                  label={t(l.type === 'cmi5' ? 'org.packageChoose' : 'org.scormPackageChoose')}
                  error={fe(`lessons[${i}].contentPackageId`)}
                  wide
                >
                  {() => (
                    <PackageUpload
                      current={l.contentPackageId ? { id: l.contentPackageId, title: l.packageTitle } : null}
                      onImported={(p) => setLesson(i, { contentPackageId: p.id, packageTitle: p.title })}
                    />
                  )}
                </Field>
              ) : l.type !== 'live_session' ? (
                <>
                  <Field label={t('org.contentUrl')} error={fe(`lessons[${i}].contentUrl`)} wide>
                    {(id, d) => (
                      <input
                        id={id}
                        aria-describedby={d}
                        type="url"
                        value={l.contentUrl}
                        onChange={(e) => setLesson(i, { contentUrl: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('org.upload')} error={fe(`lessons[${i}].contentFileId`)} wide>
                    {() => (
                      <LessonUpload
                        kind={l.type === 'document' ? 'document' : 'video'}
                        current={l.content?.kind === (l.type === 'document' ? 'document' : 'video') ? l.content : null}
                        // A video lesson lasts as long as its video (in whole minutes).
                        onUploaded={(file) =>
                          setLesson(i, {
                            content: file,
                            ...(file.durationSeconds
                              ? { minutes: String(Math.max(1, Math.floor(Math.round(file.durationSeconds) / 60))) }
                              : {}),
                          })
                        }
                      />
                    )}
                  </Field>
                </>
              ) : (
                <>
                  <Field label={t('org.startsAt')} error={fe(`lessons[${i}].startsAt`)}>
                    {(id, d) => (
                      <input
                        id={id}
                        aria-describedby={d}
                        type="datetime-local"
                        value={l.startsAt}
                        onChange={(e) => setLesson(i, { startsAt: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('org.endsAt')} error={fe(`lessons[${i}].endsAt`)}>
                    {(id, d) => (
                      <input
                        id={id}
                        aria-describedby={d}
                        type="datetime-local"
                        value={l.endsAt}
                        onChange={(e) => setLesson(i, { endsAt: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('org.venue')} error={fe(`lessons[${i}].venue`)} wide>
                    {(id, d) => (
                      <input id={id} aria-describedby={d} value={l.venue} onChange={(e) => setLesson(i, { venue: e.target.value })} />
                    )}
                  </Field>
                </>
              )}
              <div className="field field-check">
                <input
                  id={`req-${i}`}
                  type="checkbox"
                  checked={l.required}
                  onChange={(e) => setLesson(i, { required: e.target.checked })}
                />
                <label htmlFor={`req-${i}`}>{t('org.required')}</label>
              </div>
              <div className="row-actions">
                <button type="button" className="btn btn-small" disabled={i === 0} onClick={() => setLessons(move(lessons, i, i - 1))}>
                  {t('org.up')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={i === lessons.length - 1}
                  onClick={() => setLessons(move(lessons, i, i + 1))}
                >
                  {t('org.down')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  disabled={lessons.length === 1}
                  onClick={() => setLessons(lessons.filter((_, j) => j !== i))}
                >
                  {t('org.removeLesson')}
                </button>
              </div>
            </div>
          </fieldset>
        ))}
        <button type="button" className="btn" onClick={() => setLessons([...lessons, emptyLesson()])}>
          {t('org.addLesson')}
        </button>
        <FormError
          error={save.error}
          shownFields={[
            'title',
            'description',
            'category',
            'kind',
            'topicCodes',
            'creditHours',
            'deliveryMode',
            'capacity',
            'completionShare',
            'enrollmentOpensAt',
            'enrollmentClosesAt',
            'finalExamPaperId',
            'attentionChecks',
            'lessons',
          ]}
        />
        <div className="row-actions spaced">
          <button type="submit" className="btn btn-primary" disabled={save.busy}>
            {!existing.data ? t('org.saveDraft') : editable ? t('common.save') : t('org.createVersion')}
          </button>
        </div>
      </form>
    </>
  );
}

function move<T>(list: T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}
