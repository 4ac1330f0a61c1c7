#include "FilterHeader.h"

#include <QAbstractScrollArea>
#include <QLineEdit>
#include <QScrollBar>

FilterHeader::FilterHeader(QWidget *parent) : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setSortIndicatorShown(true);
    setSortIndicator(-1, Qt::AscendingOrder);
    m_pause.setSingleShot(true);
    m_pause.setInterval(TypingPauseMs);
    connect(&m_pause, &QTimer::timeout, this, &FilterHeader::filtersChanged);
    connect(this, &QHeaderView::sectionResized, this, &FilterHeader::placeEditors);
    connect(this, &QHeaderView::sectionMoved, this, &FilterHeader::placeEditors);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(parent))
        connect(area->horizontalScrollBar(), &QScrollBar::valueChanged, this,
                &FilterHeader::placeEditors);
}

void FilterHeader::setColumnCount(int count)
{
    if (count == m_editors.size())
        return;
    qDeleteAll(m_editors);
    m_editors.clear();
    for (int column = 0; column < count; ++column) {
        auto *editor = new QLineEdit(this);
        editor->setPlaceholderText(tr("Filter"));
        editor->setClearButtonEnabled(true);
        editor->setToolTip(tr("Text the value contains, or = 5, <> x, > 10, <= 2024-01-01, NULL, "
                              "NOT NULL"));
        connect(editor, &QLineEdit::textEdited, &m_pause, qOverload<>(&QTimer::start));
        // Enter applies at once (the clear button counts as typing).
        connect(editor, &QLineEdit::returnPressed, this, [this] {
            m_pause.stop();
            Q_EMIT filtersChanged();
        });
        editor->show();
        m_editors << editor;
    }
    updateGeometries();
}

void FilterHeader::clear()
{
    for (QLineEdit *editor : std::as_const(m_editors)) {
        const QSignalBlocker quiet(editor);
        editor->clear();
    }
}

QString FilterHeader::filter(int column) const
{
    const QLineEdit *editor = m_editors.value(column);
    return editor ? editor->text() : QString();
}

QSize FilterHeader::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    if (!m_editors.isEmpty())
        size.setHeight(size.height() + m_editors.first()->sizeHint().height() + 2);
    return size;
}

void FilterHeader::updateGeometries()
{
    // The section labels keep the top; the boxes take a strip below them.
    const int strip = m_editors.isEmpty() ? 0 : m_editors.first()->sizeHint().height() + 2;
    setViewportMargins(0, 0, 0, strip);
    QHeaderView::updateGeometries();
    placeEditors();
}

void FilterHeader::placeEditors()
{
    if (m_editors.isEmpty())
        return;
    const int height = m_editors.first()->sizeHint().height();
    const int top = QHeaderView::sizeHint().height() + 1;
    for (int column = 0; column < m_editors.size(); ++column) {
        QLineEdit *editor = m_editors[column];
        editor->setVisible(!isSectionHidden(column));
        editor->setGeometry(sectionViewportPosition(column), top, sectionSize(column), height);
    }
}
