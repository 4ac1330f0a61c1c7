#include "RecipeValue.h"

#include <QLocale>
#include <cmath>

QByteArray RecipeValue::numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toUtf8();
}

GeneratedValue RecipeValue::fromJson(const QJsonValue &value, SqlAffinity::Kind affinity)
{
    GeneratedValue result;
    if (value.isBool()) {
        result.setInteger(value.toBool() ? 1 : 0);
    } else if (value.isDouble()) {
        const double number = value.toDouble();
        const bool whole = number == std::floor(number) && std::fabs(number) < 9.0e15;
        if (affinity == SqlAffinity::Text)
            result.setText(whole ? QByteArray::number(qint64(number)) : numberText(number));
        else if (whole && affinity != SqlAffinity::Real)
            result.setInteger(qint64(number));
        else
            result.setReal(number);
        result.order = number;
    } else if (value.isString()) {
        result.setText(value.toString().toUtf8());
    }
    return result;
}

QString RecipeValue::keyText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString();
}

GeneratedValue RecipeValue::fromVariant(const QVariant &value)
{
    GeneratedValue result;
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        result.setInteger(value.toLongLong());
        break;
    case QMetaType::Double:
        result.setReal(value.toDouble());
        break;
    case QMetaType::QByteArray:
        result.bytes = value.toByteArray();
        result.type = GeneratedValue::Blob;
        break;
    default:
        if (!value.isNull())
            result.setText(value.toString().toUtf8());
    }
    return result;
}

QJsonValue RecipeValue::toJson(const QVariant &value)
{
    const int type = value.typeId();
    if (type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::Double)
        return value.toDouble();
    return value.toString();
}

int RecipeValue::decimalPlaces(double value)
{
    const QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    const qsizetype dot = text.indexOf(u'.');
    return dot < 0 ? 0 : int(text.size() - dot - 1);
}
