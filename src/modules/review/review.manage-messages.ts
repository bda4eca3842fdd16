/** Messages of the review's management pages (zh-TW, en): editing an engagement, removing a reviewer, a reviewer's own declaration, the interview log. */
const en = {
  'review.engagement.edit': 'Edit the engagement',
  'review.engagement.save': 'Save the engagement',
  'review.reviewers.manage': 'Change',
  'review.reviewer.remove': 'Remove {name}',
  'review.reviewer.removeTitle': 'Remove {name} from this engagement?',
  'review.reviewer.removeHelp':
    'Their role in this engagement ends: they no longer see its drafts, write its reports or read its interview log. Their declaration leaves the engagement’s page; the change log keeps it.',
  'review.reviewer.removeConfirm': 'Remove the reviewer',
  'review.declaration.edit': 'Edit my declaration',
  'review.declaration.help':
    'Your affiliations and declared interests are public on the engagement’s page, in both languages. Every change is kept in the change log.',
  'review.declaration.save': 'Save my declaration',
  'review.interviews.intro':
    'Only this engagement’s reviewers see the interview log: not the secretariat, not the government, not the public. Record an interviewee’s name only with their consent.',
  'review.interviews.caption': 'Interviews held for this review',
  'review.interviews.none': 'No interview logged yet.',
  'review.interview.heldOn': 'Date',
  'review.interview.stakeholderGroup': 'Stakeholder group',
  'review.interview.consent': 'Consent to be named',
  'review.interview.consentOption': 'The interviewee consents to be named',
  'review.interview.interviewee': 'Interviewee’s name (only with consent)',
  'review.interview.notes': 'Notes',
  'review.interview.named': 'Yes',
  'review.interview.unnamed': 'No',
  'review.interview.add': 'Log an interview',
  'review.interview.save': 'Log the interview',
  'review.error.ownDeclarationOnly': 'A reviewer changes only their own declaration.',
};

const zhTW: Record<keyof typeof en, string> = {
  'review.engagement.edit': '編輯評估案',
  'review.engagement.save': '儲存評估案',
  'review.reviewers.manage': '變更',
  'review.reviewer.remove': '移除 {name}',
  'review.reviewer.removeTitle': '要將 {name} 從本評估案移除嗎？',
  'review.reviewer.removeHelp': '其在本評估案的角色隨即結束：不再能檢視草稿、撰寫報告或閱讀訪談紀錄。其聲明將從評估案頁面移除，異動紀錄仍會保留。',
  'review.reviewer.removeConfirm': '移除評估者',
  'review.declaration.edit': '編輯我的聲明',
  'review.declaration.help': '您的所屬單位與利益申報以中英文公開於評估案頁面；每次修改都會保留在異動紀錄中。',
  'review.declaration.save': '儲存我的聲明',
  'review.interviews.intro': '訪談紀錄僅本評估案的評估者可見：幕僚、政府與公眾皆不可見。受訪者同意具名，才記錄其姓名。',
  'review.interviews.caption': '本評估進行的訪談',
  'review.interviews.none': '尚無訪談紀錄。',
  'review.interview.heldOn': '日期',
  'review.interview.stakeholderGroup': '利害關係人類別',
  'review.interview.consent': '同意具名',
  'review.interview.consentOption': '受訪者同意具名',
  'review.interview.interviewee': '受訪者姓名（須經同意）',
  'review.interview.notes': '訪談紀要',
  'review.interview.named': '是',
  'review.interview.unnamed': '否',
  'review.interview.add': '新增訪談紀錄',
  'review.interview.save': '記錄訪談',
  'review.error.ownDeclarationOnly': '評估者只能修改自己的聲明。',
};

export { en, zhTW };
