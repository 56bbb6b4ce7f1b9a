// The words of the demo: people, teams, boards and cards a marketing department would recognise.
import type { OrgRole, TeamRole } from '@amb/domain/access';
import type { BlockerCategory } from '@amb/shared/activity';

type Flow = 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE';

export const demoPeople: { key: string; email: string; name: string; orgRole: OrgRole }[] = [
  { key: 'alex', email: 'alex@demo.test', name: 'Alex Morgan', orgRole: 'ADMIN' },
  { key: 'pat', email: 'pat@demo.test', name: 'Pat Okafor', orgRole: 'PMO' },
  { key: 'maya', email: 'maya@demo.test', name: 'Maya Patel', orgRole: 'NONE' },
  { key: 'sam', email: 'sam@demo.test', name: 'Sam Rivera', orgRole: 'NONE' },
  { key: 'lee', email: 'lee@demo.test', name: 'Lee Chen', orgRole: 'NONE' },
  { key: 'vic', email: 'vic@demo.test', name: 'Vic Larsen', orgRole: 'NONE' },
  { key: 'gia', email: 'gia@demo.test', name: 'Gia Romano', orgRole: 'NONE' },
  { key: 'omar', email: 'omar@demo.test', name: 'Omar Haddad', orgRole: 'NONE' },
  { key: 'dev', email: 'dev@demo.test', name: 'Devi Rao', orgRole: 'NONE' },
  { key: 'noor', email: 'noor@demo.test', name: 'Noor Aziz', orgRole: 'NONE' },
];

export interface DemoCard {
  title: string;
  /** Index of the column it ends in. */
  column: number;
  lane?: number;
  description?: string;
  blocked?: { reason: string; daysAgo: number; category: BlockerCategory };
  experiment?: { hypothesis: string; metric: string; result?: 'VALIDATED' | 'INVALIDATED' | 'INCONCLUSIVE' };
}

export interface DemoTeam {
  key: string;
  name: string;
  slug: string;
  kind: 'MARKETING' | 'DEVELOPMENT';
  boardName: string;
  members: { person: string; role: TeamRole }[];
  columns: { name: string; flowCategory: Flow; wipLimit?: number; wipPolicy?: 'SOFT' | 'HARD' }[];
  swimlanes: { name: string; wipLimit?: number; wipPolicy?: 'SOFT' | 'HARD' }[];
  sprints: { activeName: string; activeGoal: string; closedName: string; closedGoal: string; capacity: number } | null;
  labels: string[];
  comments: string[];
  checklist: string[];
  cards: DemoCard[];
}

const at = (column: number, titles: string[], lane?: number): DemoCard[] =>
  titles.map((title) => ({ title, column, lane }));

export const demoTeams: DemoTeam[] = [
  {
    key: 'content',
    name: 'Content Marketing',
    slug: 'content-marketing',
    kind: 'MARKETING',
    boardName: 'Content board',
    members: [
      { person: 'maya', role: 'SCRUM_MASTER' },
      { person: 'sam', role: 'MEMBER' },
      { person: 'lee', role: 'MEMBER' },
      { person: 'vic', role: 'VIEWER' },
    ],
    columns: [
      { name: 'Backlog', flowCategory: 'BACKLOG' },
      { name: 'To do', flowCategory: 'TODO', wipLimit: 8 },
      { name: 'In progress', flowCategory: 'IN_PROGRESS', wipLimit: 4, wipPolicy: 'HARD' },
      { name: 'Review', flowCategory: 'IN_PROGRESS', wipLimit: 3 },
      { name: 'Done', flowCategory: 'DONE' },
    ],
    swimlanes: [{ name: 'Expedite', wipLimit: 1, wipPolicy: 'HARD' }, { name: 'Spring launch' }],
    sprints: {
      activeName: 'Sprint 12',
      activeGoal: 'Ship the spring launch content kit',
      closedName: 'Sprint 11',
      closedGoal: 'Refresh the evergreen blog posts',
      capacity: 34,
    },
    labels: ['blog', 'seo', 'video', 'newsletter', 'social'],
    comments: [
      'Draft is in the shared folder.',
      'Can we get a customer quote for this?',
      'Moved the publish date to Thursday to match the newsletter.',
    ],
    checklist: ['Brief agreed', 'Draft written', 'SEO check', 'Legal review', 'Scheduled'],
    cards: [
      ...at(0, [
        'Podcast pilot: three episode outlines',
        'Glossary page for agile marketing terms',
        'Refresh the about-us story',
        'Guest post pitch list for Q1',
        'Infographic: state of B2B buying',
        'Translate top five posts into German',
        'Repurpose webinar into a blog series',
      ]),
      ...at(1, ['Write launch FAQ', 'Customer story: Northwind', 'SEO brief: pricing page keywords'], 1),
      ...at(1, ['Newsletter: December issue', 'Update style guide with new tone of voice']),
      { title: 'Fix broken links on the resources hub', column: 2, lane: 0 },
      {
        title: 'Launch blog post: what is new this spring',
        column: 2,
        lane: 1,
        blocked: {
          reason: 'Waiting for product screenshots from Web Development.',
          daysAgo: 4,
          category: 'other_team',
        },
      },
      ...at(2, ['Video script: two-minute product tour', 'Case study interview with Contoso']),
      {
        title: 'Landing page copy for the spring launch',
        column: 3,
        lane: 1,
        blocked: { reason: 'Legal has not approved the pricing claims yet.', daysAgo: 2, category: 'legal_compliance' },
      },
      ...at(
        3,
        ['Ebook: the agile marketing playbook', 'Social calendar for launch week', 'Email nurture sequence, part 2'],
        1,
      ),
      ...at(4, [
        'Evergreen post: content audit checklist',
        'Newsletter: November issue',
        'Webinar recap post',
        'Alt text for the image library',
        'Keyword map for the blog',
        'Customer story: Fabrikam',
        'Author bios on every post',
        'Editorial calendar for Q4',
        'Checklist for repurposing content',
        'Launch brief signed off',
      ]),
    ],
  },
  {
    key: 'growth',
    name: 'Growth',
    slug: 'growth',
    kind: 'MARKETING',
    boardName: 'Growth experiments',
    members: [
      { person: 'gia', role: 'SCRUM_MASTER' },
      { person: 'omar', role: 'PRODUCT_OWNER' },
      { person: 'sam', role: 'MEMBER' },
      { person: 'maya', role: 'VIEWER' },
    ],
    columns: [
      { name: 'Ideas', flowCategory: 'BACKLOG' },
      { name: 'Next up', flowCategory: 'TODO', wipLimit: 6 },
      { name: 'Running', flowCategory: 'IN_PROGRESS', wipLimit: 3 },
      { name: 'Analysing', flowCategory: 'IN_PROGRESS', wipLimit: 3 },
      { name: 'Learned', flowCategory: 'DONE' },
    ],
    swimlanes: [],
    sprints: {
      activeName: 'Growth sprint 8',
      activeGoal: 'Lift trial sign-ups by 10%',
      closedName: 'Growth sprint 7',
      closedGoal: 'Find the best-converting ad audience',
      capacity: 26,
    },
    labels: ['paid', 'onboarding', 'pricing', 'email', 'referral'],
    comments: [
      'Sample size looks too small; let it run another week.',
      'Segment by company size before we call it.',
      'Shared the dashboard link in the channel.',
    ],
    checklist: [
      'Hypothesis written',
      'Metric and threshold agreed',
      'Experiment live',
      'Results analysed',
      'Decision recorded',
    ],
    cards: [
      ...at(0, [
        'Referral programme for existing customers',
        'Chatbot on the pricing page',
        'Annual plan discount test',
        'Retargeting audience from webinar attendees',
        'Exit-intent survey',
      ]),
      {
        title: 'Shorter sign-up form',
        column: 1,
        experiment: {
          hypothesis: 'Removing the company-size field raises sign-up completion.',
          metric: 'Sign-up completion rate',
        },
      },
      ...at(1, ['Onboarding email day 3 rewrite', 'LinkedIn ads: new creative set', 'Partner co-marketing outreach']),
      {
        title: 'Social proof on the trial page',
        column: 2,
        experiment: {
          hypothesis: 'Customer logos above the fold lift trial starts by 5%.',
          metric: 'Trial starts per visitor',
        },
      },
      {
        title: 'Free template gallery',
        column: 2,
        blocked: { reason: 'Needs the gallery page from Web Development first.', daysAgo: 6, category: 'other_team' },
      },
      ...at(2, ['Price anchoring on the plans page', 'Welcome video in the product']),
      {
        title: 'Subject line test for the launch email',
        column: 3,
        experiment: {
          hypothesis: 'A question in the subject line raises opens.',
          metric: 'Open rate',
          result: 'INCONCLUSIVE',
        },
      },
      ...at(3, ['Webinar funnel analysis']),
      {
        title: 'Pricing page headline test',
        column: 4,
        experiment: {
          hypothesis: 'Outcome-led headline beats the feature list.',
          metric: 'Plan page to checkout rate',
          result: 'VALIDATED',
        },
      },
      {
        title: 'Free trial length 14 vs 30 days',
        column: 4,
        experiment: {
          hypothesis: 'A 14-day trial converts as well as 30 days.',
          metric: 'Trial to paid conversion',
          result: 'INVALIDATED',
        },
      },
      ...at(4, [
        'Google Ads keyword clean-up',
        'UTM naming convention',
        'Lifecycle email audit',
        'Attribution report for Q3',
        'Lookalike audience test',
        'Onboarding checklist in the product',
      ]),
    ],
  },
  {
    key: 'web',
    name: 'Web Development',
    slug: 'web-development',
    kind: 'DEVELOPMENT',
    boardName: 'Website delivery',
    members: [
      { person: 'dev', role: 'SCRUM_MASTER' },
      { person: 'noor', role: 'MEMBER' },
      { person: 'lee', role: 'MEMBER' },
    ],
    columns: [
      { name: 'Backlog', flowCategory: 'BACKLOG' },
      { name: 'Ready', flowCategory: 'TODO', wipLimit: 6 },
      { name: 'In development', flowCategory: 'IN_PROGRESS', wipLimit: 4, wipPolicy: 'HARD' },
      { name: 'Code review', flowCategory: 'IN_PROGRESS', wipLimit: 3, wipPolicy: 'HARD' },
      { name: 'Released', flowCategory: 'DONE' },
    ],
    swimlanes: [],
    sprints: null,
    labels: ['frontend', 'cms', 'performance', 'analytics'],
    comments: ['Deployed to staging.', 'Needs a design review before release.', 'Lighthouse score is 94 now.'],
    checklist: ['Acceptance criteria', 'Implemented', 'Reviewed', 'Released'],
    cards: [
      ...at(1, ['Product screenshots for the spring launch', 'Template gallery page', 'Cookie banner update']),
      ...at(2, ['Pricing page A/B test hooks', 'Spring launch landing page template']),
      ...at(0, ['Migrate blog to the new CMS', 'Image CDN', 'Search on the resources hub', 'Dark mode for docs']),
      ...at(3, ['Sitemap generation']),
      ...at(4, [
        'Form analytics events',
        'Core web vitals fixes',
        'Redirects for retired pages',
        'Newsletter sign-up API',
        'Staging environment for marketing',
      ]),
    ],
  },
];
