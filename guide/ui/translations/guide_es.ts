<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AdminPinPad</name>
    <message>
        <location filename="../kiosk/admin_pin_pad.py" line="20"/>
        <source>Staff exit</source>
        <translation>Salida del personal</translation>
    </message>
    <message>
        <location filename="../kiosk/admin_pin_pad.py" line="24"/>
        <location filename="../kiosk/admin_pin_pad.py" line="96"/>
        <source>Enter the staff PIN</source>
        <translation>Escriba el PIN del personal</translation>
    </message>
    <message>
        <location filename="../kiosk/admin_pin_pad.py" line="34"/>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../kiosk/admin_pin_pad.py" line="35"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../kiosk/admin_pin_pad.py" line="39"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../kiosk/admin_pin_pad.py" line="81"/>
        <source>That PIN is not right. Try again.</source>
        <translation>Ese PIN no es correcto. Inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../kiosk/admin_pin_pad.py" line="89"/>
        <source>Too many wrong tries. Wait %n minute(s).</source>
        <translation>
            <numerusform>Demasiados intentos incorrectos. Espere %n minuto.</numerusform>
            <numerusform>Demasiados intentos incorrectos. Espere %n minutos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../kiosk/admin_pin_pad.py" line="92"/>
        <source>Too many wrong tries. Wait %n second(s).</source>
        <translation>
            <numerusform>Demasiados intentos incorrectos. Espere %n segundo.</numerusform>
            <numerusform>Demasiados intentos incorrectos. Espere %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../checklists/checklist_view.py" line="161"/>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../checklists/checklist_view.py" line="162"/>
        <source>The printer is not working. Please ask a staff member.</source>
        <translation>La impresora no funciona. Pida ayuda a un miembro del personal.</translation>
    </message>
    <message>
        <location filename="../checklists/checklist_view.py" line="164"/>
        <source>Print or save as PDF</source>
        <translation>Imprimir o guardar como PDF</translation>
    </message>
    <message>
        <location filename="../checklists/checklist_view.py" line="165"/>
        <source>The summary could not be printed. Please try again.</source>
        <translation>No se pudo imprimir el resumen. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../checklists/checklist_view.py" line="167"/>
        <source>A summary to take to a doctor: your answers, the result and the help lines</source>
        <translation>Un resumen para llevar al médico: sus respuestas, el resultado y las líneas de ayuda</translation>
    </message>
    <message>
        <location filename="../checklists/checklist_view.py" line="169"/>
        <source>Read the article</source>
        <translation>Leer el artículo</translation>
    </message>
</context>
<context>
    <name>ExternalLinkDialog</name>
    <message>
        <location filename="../reader/external_link_dialog.py" line="18"/>
        <source>A link outside the guide</source>
        <translation>Un enlace fuera de la guía</translation>
    </message>
    <message>
        <location filename="../reader/external_link_dialog.py" line="23"/>
        <source>This link leads outside the guide. The guide works offline and does not open it. To visit it, scan the code with your phone or type the address on your own device.</source>
        <translation>Este enlace lleva fuera de la guía. La guía funciona sin internet y no lo abre. Para visitarlo, escanee el código con su teléfono o escriba la dirección en su propio dispositivo.</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../feedback/feedback_panel.py" line="76"/>
        <source>Was this page helpful?</source>
        <translation>¿Le fue útil esta página?</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="77"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="78"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="79"/>
        <source>Send comment</source>
        <translation>Enviar comentario</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="80"/>
        <source>Optional: what would make this page better?</source>
        <translation>Opcional: ¿qué mejoraría esta página?</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="81"/>
        <source>Comment about this page, at most 100 characters</source>
        <translation>Comentario sobre esta página, máximo 100 caracteres</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="84"/>
        <source>Anonymous: please don&apos;t type your name, phone number or address. This is not a way to contact anyone. In a crisis, call or text 988, or call 911.</source>
        <translation>Es anónimo: por favor, no escriba su nombre, teléfono ni dirección. Esto no sirve para comunicarse con nadie. En una crisis, llame o envíe un mensaje de texto al 988, o llame al 911.</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="109"/>
        <source>Thank you. Your answer could not be kept on this computer; staff have been told.</source>
        <translation>Gracias. Su respuesta no se pudo guardar en esta computadora; el personal ya está avisado.</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="113"/>
        <source>Thank you. Staff will read it; it is not linked to you.</source>
        <translation>Gracias. El personal lo leerá; no está vinculado a usted.</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="115"/>
        <source>Thank you. You can add a short comment if you like.</source>
        <translation>Gracias. Si quiere, puede agregar un comentario breve.</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="120"/>
        <source>it looks like an e-mail address</source>
        <translation>parece una dirección de correo electrónico</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="121"/>
        <source>it looks like a social media account</source>
        <translation>parece una cuenta de redes sociales</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="122"/>
        <source>it looks like a date of birth</source>
        <translation>parece una fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="123"/>
        <source>it looks like a phone number</source>
        <translation>parece un número de teléfono</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="124"/>
        <source>it looks like a person&apos;s name</source>
        <translation>parece el nombre de una persona</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="125"/>
        <source>it looks like a street address</source>
        <translation>parece una dirección</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="126"/>
        <source>it has a long number in it</source>
        <translation>tiene un número largo</translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="129"/>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <location filename="../feedback/feedback_panel.py" line="130"/>
        <source>This comment was not saved because %1. Please take that out and send it again.</source>
        <translation>Este comentario no se guardó porque %1. Por favor, quite eso y envíelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../reader/find_bar.py" line="49"/>
        <location filename="../reader/find_bar.py" line="50"/>
        <source>Find in this page</source>
        <translation>Buscar en esta página</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="51"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="52"/>
        <source>Previous match</source>
        <translation>Resultado anterior</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="53"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="54"/>
        <source>Next match (Enter)</source>
        <translation>Resultado siguiente (Enter)</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="55"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="56"/>
        <source>Close the find bar (Esc)</source>
        <translation>Cerrar la barra de búsqueda (Esc)</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="81"/>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
    <message>
        <location filename="../reader/find_bar.py" line="83"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <location filename="../help/help_panel.py" line="104"/>
        <source>Help lines</source>
        <translation>Líneas de ayuda</translation>
    </message>
    <message>
        <location filename="../help/help_panel.py" line="79"/>
        <source>Reach out now</source>
        <translation>Pida ayuda ahora</translation>
    </message>
    <message>
        <location filename="../help/help_panel.py" line="79"/>
        <source>Need help now?</source>
        <translation>¿Necesita ayuda?</translation>
    </message>
    <message>
        <location filename="../help/help_panel.py" line="105"/>
        <source>Find treatment near you</source>
        <translation>Busque tratamiento cerca</translation>
    </message>
    <message>
        <location filename="../help/help_panel.py" line="228"/>
        <source>See 1 more help line</source>
        <translation>Ver 1 línea de ayuda más</translation>
    </message>
    <message>
        <location filename="../help/help_panel.py" line="230"/>
        <source>See %1 more help lines</source>
        <translation>Ver %1 líneas de ayuda más</translation>
    </message>
    <message>
        <location filename="../help/help_panel.py" line="232"/>
        <source>All help lines and what they do</source>
        <translation>Ver todas las líneas de ayuda</translation>
    </message>
    <message>
        <location filename="../help/help_panel.py" line="121"/>
        <source>Tap for the full details and a code to scan with your phone</source>
        <translation>Toque para ver todos los detalles y un código para escanear con su teléfono</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../kiosk/idle_warning.py" line="54"/>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <location filename="../kiosk/idle_warning.py" line="56"/>
        <source>To keep what you looked at private, the guide will start over in 1 second.</source>
        <translation>Para mantener privado lo que usted consultó, la guía empezará de nuevo en 1 segundo.</translation>
    </message>
    <message>
        <location filename="../kiosk/idle_warning.py" line="58"/>
        <source>To keep what you looked at private, the guide will start over in %1 seconds.</source>
        <translation>Para mantener privado lo que usted consultó, la guía empezará de nuevo en %1 segundos.</translation>
    </message>
    <message>
        <location filename="../kiosk/idle_warning.py" line="60"/>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
</context>
<context>
    <name>LocatorPage</name>
    <message>
        <location filename="../locator/locator_page.py" line="227"/>
        <source>ZIP code:</source>
        <translation>Código postal:</translation>
    </message>
    <message>
        <location filename="../locator/locator_page.py" line="228"/>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../locator/locator_page.py" line="229"/>
        <source>5 digits</source>
        <translation>5 dígitos</translation>
    </message>
    <message>
        <location filename="../locator/locator_page.py" line="230"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../regions.py" line="41"/>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location filename="../regions.py" line="43"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../regions.py" line="44"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location filename="../regions.py" line="46"/>
        <location filename="../regions.py" line="47"/>
        <source>Checklist</source>
        <translation>Lista de señales</translation>
    </message>
    <message>
        <location filename="../regions.py" line="48"/>
        <source>Was this page helpful?</source>
        <translation>¿Le fue útil esta página?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>That link can&apos;t be opened in the guide.</source>
        <translation>Ese enlace no se puede abrir en la guía.</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="346"/>
        <source>Search is not available; use the topics</source>
        <translation>La búsqueda no está disponible; use los temas</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="312"/>
        <source>Get help now</source>
        <translation>Obtenga ayuda ahora</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="313"/>
        <location filename="../visit_views.py" line="351"/>
        <source>Find help nearby</source>
        <translation>Encuentre ayuda cerca</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="314"/>
        <source>Find treatment near you</source>
        <translation>Encuentre tratamiento cerca de usted</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="315"/>
        <source>Content problems</source>
        <translation>Problemas del contenido</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="317"/>
        <source>Recovery Guide</source>
        <translation>Guía de recuperación</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="354"/>
        <source>For staff: content problems</source>
        <translation>Para el personal: problemas del contenido</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="371"/>
        <source>Getting search ready...</source>
        <translation>Preparando la búsqueda...</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="373"/>
        <source>Keep typing...</source>
        <translation>Siga escribiendo...</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="377"/>
        <source>Showing results for %1</source>
        <translation>Mostrando resultados para %1</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="378"/>
        <source>No pages found. Try other words, or look through the topics.</source>
        <translation>No se encontraron páginas. Pruebe con otras palabras o revise los temas.</translation>
    </message>
    <message>
        <location filename="../visit_views.py" line="382"/>
        <source>No page has all of these words. These pages have some of them:</source>
        <translation>Ninguna página tiene todas estas palabras. Estas páginas tienen algunas:</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="356"/>
        <source>Only the first %n words are searched.</source>
        <translation>
            <numerusform>Solo se busca la primera palabra.</numerusform>
            <numerusform>Solo se buscan las primeras %n palabras.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <location filename="../navigation_bar.py" line="126"/>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="126"/>
        <source>Go to the start page</source>
        <translation>Ir a la página de inicio</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="127"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="127"/>
        <source>Go back to the page you read before</source>
        <translation>Volver a la página que leyó antes</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="128"/>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="128"/>
        <source>Go forward again</source>
        <translation>Avanzar otra vez</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="129"/>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="129"/>
        <source>Make the text smaller</source>
        <translation>Hacer el texto más pequeño</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="130"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="130"/>
        <source>Make the text larger</source>
        <translation>Hacer el texto más grande</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="131"/>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="131"/>
        <source>Read this page aloud; press again to stop</source>
        <translation>Leer esta página en voz alta; vuelva a pulsar para detener</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="139"/>
        <source>Recovery Guide</source>
        <translation>Guía de recuperación</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="140"/>
        <source>I&apos;m finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="141"/>
        <source>Start over: clears everything you looked at</source>
        <translation>Empezar de nuevo: borra todo lo que usted consultó</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="143"/>
        <source>Follow the computer&apos;s setting</source>
        <translation>Igual que la computadora</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="144"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="145"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="146"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="150"/>
        <source>Colours: light, dark or high contrast</source>
        <translation>Colores: claro, oscuro o alto contraste</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="151"/>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="152"/>
        <location filename="../navigation_bar.py" line="153"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="155"/>
        <location filename="../navigation_bar.py" line="157"/>
        <source>Search the guide</source>
        <translation>Buscar en la guía</translation>
    </message>
    <message>
        <location filename="../navigation_bar.py" line="155"/>
        <source>Getting search ready...</source>
        <translation>Preparando la búsqueda...</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <location filename="../number_pad.py" line="57"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../number_pad.py" line="58"/>
        <source>Go</source>
        <translation>Ir</translation>
    </message>
    <message>
        <location filename="../number_pad.py" line="58"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
</context>
<context>
    <name>PageFooter</name>
    <message>
        <location filename="../printing/page_footer.py" line="52"/>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../printing/page_footer.py" line="54"/>
        <source>Print this page to take with you, with the help lines and their QR codes (Ctrl+P)</source>
        <translation>Imprima esta página para llevársela, con las líneas de ayuda y sus códigos QR (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../printing/page_footer.py" line="56"/>
        <source>Print this page or save it as a PDF, with the help lines and their QR codes (Ctrl+P)</source>
        <translation>Imprima esta página o guárdela como PDF, con las líneas de ayuda y sus códigos QR (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../printing/page_footer.py" line="102"/>
        <source>Printing. Please take your page from the printer.</source>
        <translation>Imprimiendo. Por favor, recoja su página en la impresora.</translation>
    </message>
    <message>
        <location filename="../printing/page_footer.py" line="104"/>
        <source>The printer is not working. Please ask a staff member.</source>
        <translation>La impresora no funciona. Pida ayuda a un miembro del personal.</translation>
    </message>
    <message>
        <location filename="../printing/page_footer.py" line="106"/>
        <source>This page could not be printed. Please try again.</source>
        <translation>No se pudo imprimir esta página. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <location filename="../reader/qr_code.py" line="35"/>
        <source>QR code for %1</source>
        <translation>Código QR para %1</translation>
    </message>
</context>
<context>
    <name>SpeechBar</name>
    <message>
        <location filename="../speech/speech_bar.py" line="45"/>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <location filename="../speech/speech_bar.py" line="45"/>
        <source>Reading aloud</source>
        <translation>Leyendo en voz alta</translation>
    </message>
    <message>
        <location filename="../speech/speech_bar.py" line="46"/>
        <source>Go on</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <location filename="../speech/speech_bar.py" line="46"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../speech/speech_bar.py" line="47"/>
        <source>Slower</source>
        <translation>Más despacio</translation>
    </message>
    <message>
        <location filename="../speech/speech_bar.py" line="48"/>
        <source>Faster</source>
        <translation>Más rápido</translation>
    </message>
    <message>
        <location filename="../speech/speech_bar.py" line="49"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
</context>
<context>
    <name>TopicTree</name>
    <message>
        <location filename="../reader/topic_tree.py" line="90"/>
        <source>Check the signs</source>
        <translation>Revise las señales</translation>
    </message>
</context>
</TS>
