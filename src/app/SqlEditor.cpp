#include "SqlEditor.h"

#include "SqlHighlighter.h"
#include "db/SqlIdentifier.h"
#include "query/SqlKeywords.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace {
constexpr int MinPrefix = 2;

bool isRunKey(const QKeyEvent *key)
{
    const bool ctrlReturn = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                            key->modifiers().testFlag(Qt::ControlModifier);
    const bool f5 = key->key() == Qt::Key_F5 && key->modifiers() == Qt::NoModifier;
    return ctrlReturn || f5;
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}
} // namespace

SqlEditor::SqlEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_highlighter(new SqlHighlighter(document())),
      m_completer(new QCompleter(this)), m_words(new QStringListModel(this))
{
    m_completer->setModel(m_words);
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &SqlEditor::insertCompletion);
    // An edit ends what an error mark pointed at.
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!extraSelections().isEmpty())
            setExtraSelections({});
    });
    setNames({});
}

void SqlEditor::setNames(const QStringList &names)
{
    QStringList words = SqlKeywords::all();
    for (const QString &name : names) {
        // Names that are not plain identifiers are offered as they must be typed: quoted.
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_$]*$"));
        words << (plain.match(name).hasMatch() ? name : SqlIdentifier::quote(name));
    }
    words.removeDuplicates();
    std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    m_words->setStringList(words);
}

void SqlEditor::markError(int position)
{
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(position, 0, int(document()->characterCount() - 1)));
    // The token there, or the character when it is not a word (a stray comma).
    cursor.select(QTextCursor::WordUnderCursor);
    if (!cursor.hasSelection())
        cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.format.setUnderlineColor(QColor(0xc6, 0x28, 0x28));
    mark.format.setBackground(QColor(0xc6, 0x28, 0x28, 40));
    QTextCursor caret = cursor;
    caret.setPosition(cursor.selectionStart());
    setTextCursor(caret);
    setExtraSelections({mark});
    ensureCursorVisible();
}

bool SqlEditor::event(QEvent *event)
{
    // Ctrl+Return would insert a line, F5 is the window's Refresh: here they run SQL.
    if (event->type() == QEvent::ShortcutOverride && isRunKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void SqlEditor::keyPressEvent(QKeyEvent *event)
{
    if (isRunKey(event)) {
        m_completer->popup()->hide();
        if (event->key() == Qt::Key_F5)
            Q_EMIT runAllRequested();
        else
            Q_EMIT runCurrentRequested();
        return;
    }
    QAbstractItemView *popup = m_completer->popup();
    if (popup->isVisible()) {
        // The popup takes these: choosing, or closing it.
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    const bool forced =
        event->key() == Qt::Key_Space && event->modifiers().testFlag(Qt::ControlModifier);
    if (!forced)
        QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    const bool word = !typed.isEmpty() && isWordCharacter(typed.back());
    if (forced || (word && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))))
        showCompletions(forced);
    else if (popup->isVisible() && event->key() != Qt::Key_Shift)
        popup->hide();
}

void SqlEditor::focusInEvent(QFocusEvent *event)
{
    m_completer->setWidget(this);
    QPlainTextEdit::focusInEvent(event);
}

QString SqlEditor::wordBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int start = cursor.positionInBlock();
    while (start > 0 && isWordCharacter(line[start - 1]))
        --start;
    // An opening quote belongs to the name being typed: names that need quotes are offered so.
    if (start > 0 && line[start - 1] == u'"')
        --start;
    return line.mid(start, cursor.positionInBlock() - start);
}

void SqlEditor::showCompletions(bool forced)
{
    const QString prefix = wordBeforeCursor();
    QAbstractItemView *popup = m_completer->popup();
    if (!forced && prefix.size() < MinPrefix) {
        popup->hide();
        return;
    }
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    // Nothing to offer, or only the word already typed in full.
    const int matches = m_completer->completionCount();
    if (matches == 0 || (matches == 1 && m_completer->currentCompletion().compare(
                                             prefix, Qt::CaseInsensitive) == 0)) {
        popup->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void SqlEditor::insertCompletion(const QString &completion)
{
    QTextCursor cursor = textCursor();
    const int typed = int(wordBeforeCursor().size());
    // Keywords keep the case the user types them in; names are written as they are.
    QString text = completion;
    if (SqlKeywords::all().contains(completion) && typed > 0 &&
        wordBeforeCursor().front().isLower())
        text = completion.toLower();
    cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor, typed);
    cursor.insertText(text);
    setTextCursor(cursor);
}
