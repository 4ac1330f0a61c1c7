#include "CellDisplay.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <cmath>

namespace {
// Longer text is cut in the grid; the whole value is in the editor and in exports.
constexpr int MaxDisplayLength = 300;
} // namespace

QString CellDisplay::text(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QCoreApplication::translate("CellDisplay", "BLOB (%1 bytes)")
            .arg(QLocale().toString(value.toByteArray().size()));
    case QMetaType::Double: {
        // A whole REAL keeps ".0", so 0.0 is not mistaken for the INTEGER 0.
        QString text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        if (!text.contains(u'.') && !text.contains(u'e') && std::isfinite(value.toDouble()))
            text += QStringLiteral(".0");
        return text;
    }
    case QMetaType::QString: {
        QString text = value.toString();
        if (text.size() > MaxDisplayLength)
            text = text.left(MaxDisplayLength) + QStringLiteral("…");
        text.replace(u'\n', QStringLiteral("⏎"));
        text.remove(u'\r');
        return text;
    }
    default:
        return value.toString();
    }
}

QVariant CellDisplay::style(const QVariant &value, int role)
{
    const bool greyed = value.isNull() || value.typeId() == QMetaType::QByteArray;
    switch (role) {
    case Qt::FontRole:
        if (greyed) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return greyed ? QVariant(QBrush(QPalette().color(QPalette::Disabled, QPalette::Text)))
                      : QVariant();
    case Qt::TextAlignmentRole:
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int ||
            value.typeId() == QMetaType::Double)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}
