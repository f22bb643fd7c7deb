# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.12.0
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x05\x0d\
/\
* The guide's lo\
ok. Colours meet\
 WCAG AA (4.5:1)\
 against their b\
ackgrounds. */\x0a\x0a\
QToolBar#navigat\
ionBar {\x0a    spa\
cing: 6px;\x0a    p\
adding: 4px;\x0a   \
 border: none;\x0a \
   border-bottom\
: 1px solid #c7c\
ed9;\x0a}\x0a\x0aQToolBar\
#navigationBar Q\
ToolButton {\x0a   \
 min-width: 36px\
;\x0a    min-height\
: 36px;\x0a    padd\
ing: 2px 6px;\x0a}\x0a\
\x0aQLineEdit#searc\
hBox {\x0a    font-\
size: 12pt;\x0a}\x0a\x0aQ\
Frame#helpPanel \
{\x0a    background\
: #eef4fb;\x0a    b\
order-left: 1px \
solid #9fb3c8;\x0a}\
\x0a\x0aQFrame#helpPan\
el QLabel {\x0a    \
color: #10243e;\x0a\
}\x0a\x0aQFrame#helpPa\
nel QLabel[role=\
\x22heading\x22] {\x0a   \
 font-size: 15pt\
;\x0a    font-weigh\
t: bold;\x0a}\x0a\x0aQFra\
me#helpPanel QLa\
bel[role=\x22name\x22]\
 {\x0a    font-weig\
ht: bold;\x0a}\x0a\x0aQFr\
ame#helpPanel QL\
abel[role=\x22conta\
ct\x22] {\x0a    font-\
size: 13pt;\x0a    \
font-weight: bol\
d;\x0a    color: #0\
b3a75;\x0a}\x0a\x0aQFrame\
#helpPanel QLabe\
l[role=\x22detail\x22]\
 {\x0a    color: #3\
3475b;\x0a}\x0a\x0aQFrame\
[role=\x22helpline\x22\
] {\x0a    backgrou\
nd: #ffffff;\x0a   \
 border: 1px sol\
id #c3d2e3;\x0a    \
border-radius: 6\
px;\x0a}\x0a\x0aQFrame[ro\
le=\x22helpline\x22][e\
mergency=\x22true\x22]\
 {\x0a    backgroun\
d: #a61b1b;\x0a    \
border: 1px soli\
d #7f1212;\x0a}\x0a\x0aQF\
rame#helpPanel Q\
Frame[emergency=\
\x22true\x22] QLabel {\
\x0a    color: #fff\
fff;\x0a}\x0a\x0aQPushBut\
ton#moreHelpButt\
on {\x0a    min-hei\
ght: 36px;\x0a    f\
ont-weight: bold\
;\x0a}\x0a\x0aQTreeWidget\
#topicTree {\x0a   \
 font-size: 11pt\
;\x0a}\x0a\x0aQLabel#exte\
rnalAddress {\x0a  \
  font-size: 14p\
t;\x0a    font-weig\
ht: bold;\x0a}\x0a\
\x00\x00\x01\x14\
h\
1 { color: #1024\
3e; font-size: x\
-large; }\x0ah2 { c\
olor: #10243e; f\
ont-size: large;\
 }\x0ah3 { font-siz\
e: medium; }\x0ah2.\
emergency { colo\
r: #a61b1b; }\x0ap.\
summary { font-s\
ize: large; colo\
r: #26364a; }\x0ap.\
review { color: \
#3d4a5c; }\x0aa { c\
olor: #0b4fa8; }\
\x0ath { background\
-color: #e8eef6;\
 }\x0a\
\x00\x00\x01\x18\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#1f2937\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2210.5\x22\
 cy=\x2210.5\x22 r=\x226.\
5\x22/><path d=\x22m15\
.5 15.5 5 5\x22/><p\
ath d=\x22M10.5 7.5\
v6M7.5 10.5h6\x22/>\
</svg>\x0a\
\x00\x00\x00\xe4\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#1f2937\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M19 12H5\
\x22/><path d=\x22m11 \
6-6 6 6 6\x22/></sv\
g>\x0a\
\x00\x00\x00\xe4\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#1f2937\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M5 12h14\
\x22/><path d=\x22m13 \
6 6 6-6 6\x22/></sv\
g>\x0a\
\x00\x00\x00\xf6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#1f2937\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2210.5\x22\
 cy=\x2210.5\x22 r=\x226.\
5\x22/><path d=\x22m15\
.5 15.5 5 5\x22/></\
svg>\x0a\
\x00\x00\x01\x1e\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#1f2937\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M5 3h4l2\
 5-2.5 1.5a11 11\
 0 0 0 6 6L16 13\
l5 2v4a2 2 0 0 1\
-2 2A17 17 0 0 1\
 3 5a2 2 0 0 1 2\
-2z\x22/></svg>\x0a\
\x00\x00\x00\xf3\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#1f2937\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
path d=\x22M3 11 12\
 3l9 8\x22/><path d\
=\x22M5 10v10h5v-6h\
4v6h5V10\x22/></svg\
>\x0a\
\x00\x00\x01\x0d\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 viewBox=\x22\
0 0 24 24\x22 width\
=\x2224\x22 height=\x2224\
\x22 fill=\x22none\x22 st\
roke=\x22#1f2937\x22 s\
troke-width=\x222\x22 \
stroke-linecap=\x22\
round\x22 stroke-li\
nejoin=\x22round\x22><\
circle cx=\x2210.5\x22\
 cy=\x2210.5\x22 r=\x226.\
5\x22/><path d=\x22m15\
.5 15.5 5 5\x22/><p\
ath d=\x22M7.5 10.5\
h6\x22/></svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x05\
\x00z\xc0%\
\x00s\
\x00t\x00y\x00l\x00e\
\x00\x09\
\x0f\xa8\x85\xc3\
\x00g\
\x00u\x00i\x00d\x00e\x00.\x00q\x00s\x00s\
\x00\x0a\
\x0a\xca\x5cC\
\x00r\
\x00e\x00a\x00d\x00e\x00r\x00.\x00c\x00s\x00s\
\x00\x0b\
\x03\x03\x96\xc7\
\x00z\
\x00o\x00o\x00m\x00-\x00i\x00n\x00.\x00s\x00v\x00g\
\x00\x08\
\x07\x9eW\xc7\
\x00b\
\x00a\x00c\x00k\x00.\x00s\x00v\x00g\
\x00\x0b\
\x08]\x89g\
\x00f\
\x00o\x00r\x00w\x00a\x00r\x00d\x00.\x00s\x00v\x00g\
\x00\x0a\
\x08\x94m\xc7\
\x00s\
\x00e\x00a\x00r\x00c\x00h\x00.\x00s\x00v\x00g\
\x00\x09\
\x06H\xb7'\
\x00p\
\x00h\x00o\x00n\x00e\x00.\x00s\x00v\x00g\
\x00\x08\
\x068W'\
\x00h\
\x00o\x00m\x00e\x00.\x00s\x00v\x00g\
\x00\x0c\
\x06\xeb\x9ag\
\x00z\
\x00o\x00o\x00m\x00-\x00o\x00u\x00t\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x07\x00\x00\x00\x05\
\x00\x00\x00\x10\x00\x02\x00\x00\x00\x02\x00\x00\x00\x03\
\x00\x00\x008\x00\x00\x00\x00\x00\x01\x00\x00\x05\x11\
\x00\x00\x00 \x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00R\x00\x00\x00\x00\x00\x01\x00\x00\x06)\
\x00\x00\x00\xd2\x00\x00\x00\x00\x00\x01\x00\x00\x0b1\
\x00\x00\x00\xba\x00\x00\x00\x00\x00\x01\x00\x00\x0a\x0f\
\x00\x00\x00\xe8\x00\x00\x00\x00\x00\x01\x00\x00\x0c(\
\x00\x00\x00n\x00\x00\x00\x00\x00\x01\x00\x00\x07E\
\x00\x00\x00\x84\x00\x00\x00\x00\x00\x01\x00\x00\x08-\
\x00\x00\x00\xa0\x00\x00\x00\x00\x00\x01\x00\x00\x09\x15\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
